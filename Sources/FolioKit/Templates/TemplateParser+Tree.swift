extension TemplateParser {
  /// An open section, parent or block while its content is being collected.
  private struct Frame {
    var token: Token?
    var nodes: [TemplateNode] = []
    var blocks: [String: TemplateBlock] = [:]
    var text = ""

    var isParent: Bool { token?.kind == .parent }

    mutating func flush() {
      if !text.isEmpty && !isParent { nodes.append(.text(text)) }
      text = ""
    }

    mutating func append(_ node: TemplateNode) {
      flush()
      // Inside a parent only blocks count; other content is ignored (spec).
      if !isParent { nodes.append(node) }
    }
  }

  /// Builds the node tree from the tokens, matching open and closing tags.
  mutating func build() throws(FolioError) -> [TemplateNode] {
    var stack = [Frame(token: nil)]
    for token in tokens {
      let top = stack.count - 1
      switch token.kind {
      case .text:
        if !token.removed && !stack[top].isParent {
          stack[top].text += String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        }
      case .comment, .delimiters:
        continue
      case .variable(let escaped):
        stack[top].append(
          .variable(
            TemplateName(token.name), filters: token.filters, escaped: escaped, at: token.start))
      case .partial:
        stack[top].append(
          .partial(token.name, indent: token.standalone ? token.indent : "", at: token.start))
      case .section, .inverted, .parent, .block:
        stack[top].flush()
        stack.append(Frame(token: token))
      case .close:
        guard top > 0, let open = stack[top].token else {
          throw source.error(
            "closing tag '\(token.name)' has no open section; remove it or add \(token.open)#\(token.name)\(token.close) before it",
            at: token.start)
        }
        guard open.name == token.name else {
          throw source.error(
            "closing tag '\(token.name)' does not match open section '\(open.name)' (line \(source.line(of: open.start))); expected \(token.open)/\(open.name)\(token.close)",
            at: token.start)
        }
        var frame = stack.removeLast()
        frame.flush()
        switch open.kind {
        case .parent:
          stack[top - 1].append(
            .parent(
              open.name, blocks: frame.blocks, indent: open.standalone ? open.indent : "",
              at: open.start))
        case .block:
          var block = TemplateBlock(name: open.name, nodes: frame.nodes, indent: "", at: open.start)
          if open.standalone {
            // A block whose tag stands alone is indented like its default content
            // (or its tag, when it has none) wherever replacement content lands.
            block.indent = frame.nodes.isEmpty ? open.indent : Self.leadingIndent(frame.nodes)
          }
          if stack[top - 1].isParent {
            if open.standalone {
              // Replacement content loses the indentation it was written with.
              block.nodes = Self.outdent(frame.nodes, by: Self.leadingIndent(frame.nodes))
            }
            stack[top - 1].blocks[open.name] = block
          } else {
            stack[top - 1].append(.block(block))
          }
        default:
          stack[top - 1].append(
            .section(
              TemplateName(open.name), nodes: frame.nodes, inverted: open.kind == .inverted,
              at: open.start))
        }
      }
    }
    if stack.count > 1, let open = stack[stack.count - 1].token {
      let what = open.kind == .parent ? "parent" : open.kind == .block ? "block" : "section"
      throw source.error(
        "unclosed \(what) '\(open.name)' opened at line \(source.line(of: open.start)); add \(open.open)/\(open.name)\(open.close) where it should end",
        at: open.start)
    }
    stack[0].flush()
    return stack[0].nodes
  }
}
