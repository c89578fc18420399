import CCmark
import Foundation

/// The bridge to libcmark: the only file that calls into C for Markdown.
///
/// It parses with `CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8` (no smart
/// punctuation), copies every node into a `MarkdownNode` and frees the C tree
/// before returning, so nothing else ever holds a cmark pointer.
public enum CommonMark {
  /// Raw HTML is kept: pages are written by the analysts, and data values reach
  /// Markdown only through the template layer, which escapes them.
  static let options: Int32 = CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8

  /// Parses Markdown into a Swift tree whose root is a `.document` node.
  public static func parse(_ markdown: String) -> MarkdownNode {
    let root = markdown.withCString { pointer in
      cmark_parse_document(pointer, markdown.utf8.count, options)
    }
    guard let root else { return MarkdownNode(kind: .document, line: 1, column: 1) }
    defer { cmark_node_free(root) }
    return copyTree(root)
  }

  /// Only the code blocks of `markdown`, in document order (nested ones
  /// included): a cheaper walk than `parse` when the rest is not needed.
  static func codeBlocks(_ markdown: String) -> [MarkdownNode] {
    let root = markdown.withCString { pointer in
      cmark_parse_document(pointer, markdown.utf8.count, options)
    }
    guard let root else { return [] }
    defer { cmark_node_free(root) }
    guard let iterator = cmark_iter_new(root) else { return [] }
    defer { cmark_iter_free(iterator) }
    var blocks: [MarkdownNode] = []
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let pointer = cmark_iter_get_node(iterator),
        cmark_node_get_type(pointer) == CMARK_NODE_CODE_BLOCK
      else { continue }
      blocks.append(copyNode(pointer))
    }
    return blocks
  }

  /// cmark's own HTML for `markdown` with the same options; the reference the
  /// Swift renderer is tested against.
  static func referenceHTML(_ markdown: String) -> String {
    let root = markdown.withCString { pointer in
      cmark_parse_document(pointer, markdown.utf8.count, options)
    }
    guard let root else { return "" }
    defer { cmark_node_free(root) }
    guard let html = cmark_render_html(root, options) else { return "" }
    defer { free(html) }
    return String(cString: html)
  }

  /// Walks the C tree with cmark's iterator (no recursion, so deeply nested
  /// block quotes cannot exhaust a worker thread's stack).
  private static func copyTree(_ root: OpaquePointer) -> MarkdownNode {
    guard let iterator = cmark_iter_new(root) else { return copyNode(root) }
    defer { cmark_iter_free(iterator) }
    var stack: [MarkdownNode] = []
    var result: MarkdownNode?
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let pointer = cmark_iter_get_node(iterator) else { continue }
      if event == CMARK_EVENT_ENTER {
        let node = copyNode(pointer)
        if isLeaf(node.kind) {
          if stack.isEmpty { result = node } else { stack[stack.count - 1].children.append(node) }
        } else {
          var node = node
          // Sized once: growing every paragraph's array by doubling showed up in profiles.
          var count = 0
          var child = cmark_node_first_child(pointer)
          while let current = child {
            count += 1
            child = cmark_node_next(current)
          }
          node.children.reserveCapacity(count)
          stack.append(node)
        }
      } else if event == CMARK_EVENT_EXIT, let node = stack.popLast() {
        if stack.isEmpty { result = node } else { stack[stack.count - 1].children.append(node) }
      }
    }
    return result ?? MarkdownNode(kind: .document, line: 1, column: 1)
  }

  /// Kinds the iterator visits once (enter only).
  private static func isLeaf(_ kind: MarkdownNode.Kind) -> Bool {
    switch kind {
    case .htmlBlock, .thematicBreak, .codeBlock, .text, .softBreak, .lineBreak, .code,
      .htmlInline:
      return true
    default:
      return false
    }
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private static func nonEmpty(_ pointer: UnsafePointer<CChar>?) -> String? {
    guard let pointer, pointer.pointee != 0 else { return nil }
    return String(cString: pointer)
  }

  /// One C node's fields as a Swift value (children are added by `copyTree`).
  private static func copyNode(_ pointer: OpaquePointer) -> MarkdownNode {
    let kind = self.kind(cmark_node_get_type(pointer))
    let line = Int(cmark_node_get_start_line(pointer))
    let column = Int(cmark_node_get_start_column(pointer))
    switch kind {
    case .text, .code, .htmlInline, .softBreak, .lineBreak, .emphasis, .strong:
      // Inline nodes are most of a page; only blocks need their end positions.
      let literal = kind == .text || kind == .code || kind == .htmlInline
      return MarkdownNode(
        kind: kind, literal: literal ? string(cmark_node_get_literal(pointer)) ?? "" : nil,
        line: line, column: column)
    default:
      break
    }
    let endLine = Int(cmark_node_get_end_line(pointer))
    let endColumn = Int(cmark_node_get_end_column(pointer))
    switch kind {
    case .htmlBlock:
      return MarkdownNode(
        kind: kind, literal: string(cmark_node_get_literal(pointer)) ?? "", line: line,
        column: column, endLine: endLine, endColumn: endColumn)
    case .codeBlock:
      return MarkdownNode(
        kind: kind, literal: string(cmark_node_get_literal(pointer)) ?? "",
        info: nonEmpty(cmark_node_get_fence_info(pointer)), line: line, column: column,
        endLine: endLine, endColumn: endColumn)
    case .heading:
      return MarkdownNode(
        kind: kind, headingLevel: Int(cmark_node_get_heading_level(pointer)), line: line,
        column: column, endLine: endLine, endColumn: endColumn)
    case .list:
      let ordered = cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST
      return MarkdownNode(
        kind: kind, listStart: ordered ? Int(cmark_node_get_list_start(pointer)) : nil,
        listOrdered: ordered, listTight: cmark_node_get_list_tight(pointer) != 0, line: line,
        column: column, endLine: endLine, endColumn: endColumn)
    case .link, .image:
      return MarkdownNode(
        kind: kind, url: string(cmark_node_get_url(pointer)) ?? "",
        title: nonEmpty(cmark_node_get_title(pointer)), line: line, column: column,
        endLine: endLine, endColumn: endColumn)
    case .customBlock, .customInline:
      return MarkdownNode(
        kind: kind, onEnter: nonEmpty(cmark_node_get_on_enter(pointer)),
        onExit: nonEmpty(cmark_node_get_on_exit(pointer)), line: line, column: column,
        endLine: endLine, endColumn: endColumn)
    default:
      return MarkdownNode(
        kind: kind, line: line, column: column, endLine: endLine, endColumn: endColumn)
    }
  }

  private static func kind(_ type: cmark_node_type) -> MarkdownNode.Kind {
    switch type {
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST: return .list
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK: return .codeBlock
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_CUSTOM_INLINE: return .customInline
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK: return .link
    case CMARK_NODE_IMAGE: return .image
    default: return .document
    }
  }
}
