/// One node of a parsed Markdown document: a plain Swift copy of a cmark node.
///
/// The tree owns no C memory, so it can be kept, shared across threads and
/// rewritten freely by the pages layer before rendering.
public struct MarkdownNode: Sendable, Equatable {
  /// Every node type libcmark 0.30 produces.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
    case paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline
    case emphasis, strong, link, image

    /// True for block-level kinds (the ones cmark renders on their own lines).
    public var isBlock: Bool {
      switch self {
      case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock,
        .paragraph, .heading, .thematicBreak:
        return true
      default:
        return false
      }
    }
  }

  public var kind: Kind
  public var children: [MarkdownNode]
  /// Text of text, code, code block, html block and html inline nodes.
  public var literal: String?
  /// The info string of a fenced code block (after cmark's unescaping), nil when empty.
  public var info: String?
  /// Destination of a link or image.
  public var url: String?
  /// Title of a link or image, nil when empty.
  public var title: String?
  /// 1...6 for headings.
  public var headingLevel: Int?
  /// First number of an ordered list.
  public var listStart: Int?
  public var listOrdered: Bool?
  public var listTight: Bool?
  /// Raw HTML emitted on entering and leaving a custom block or inline.
  public var onEnter: String?
  public var onExit: String?
  /// Start position as cmark reports it: 1-based line, 1-based byte column.
  public var line: Int
  public var column: Int
  /// End position as cmark reports it (0 when cmark does not track it).
  public var endLine: Int
  public var endColumn: Int

  public init(
    kind: Kind, children: [MarkdownNode] = [], literal: String? = nil, info: String? = nil,
    url: String? = nil, title: String? = nil, headingLevel: Int? = nil, listStart: Int? = nil,
    listOrdered: Bool? = nil, listTight: Bool? = nil, onEnter: String? = nil,
    onExit: String? = nil, line: Int = 0, column: Int = 0, endLine: Int = 0, endColumn: Int = 0
  ) {
    self.kind = kind
    self.children = children
    self.literal = literal
    self.info = info
    self.url = url
    self.title = title
    self.headingLevel = headingLevel
    self.listStart = listStart
    self.listOrdered = listOrdered
    self.listTight = listTight
    self.onEnter = onEnter
    self.onExit = onExit
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
  }

  /// The text a reader sees: literals of text and code, breaks as spaces.
  public var plainText: String {
    var out = ""
    appendPlainText(to: &out)
    return out
  }

  func appendPlainText(to out: inout String) {
    switch kind {
    case .text, .code:
      out += literal ?? ""
    case .softBreak, .lineBreak:
      out += " "
    default:
      for child in children { child.appendPlainText(to: &out) }
    }
  }

  /// Calls `visit` for this node and every descendant, parents first, in document order.
  public func forEach(_ visit: (MarkdownNode) throws -> Void) rethrows {
    var stack: [MarkdownNode] = [self]
    while let node = stack.popLast() {
      try visit(node)
      stack.append(contentsOf: node.children.reversed())
    }
  }
}
