extension TemplateParser {
  /// The whitespace that starts the first non-blank line of some content: the
  /// indentation the content was written with.
  static func leadingIndent(_ nodes: [TemplateNode]) -> String {
    for node in nodes {
      switch node {
      case .text(let text):
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
          let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
          if !blank { return String(line.prefix { $0 == " " || $0 == "\t" }) }
        }
      case .partial(_, let indent, _), .parent(_, _, let indent, _): return indent
      case .block(let block): return block.indent
      case .variable, .section: return ""
      }
    }
    return ""
  }

  /// Removes `prefix` from the start of every line of the content, including
  /// the indentation recorded for standalone partials and blocks inside it.
  static func outdent(_ nodes: [TemplateNode], by prefix: String) -> [TemplateNode] {
    guard !prefix.isEmpty else { return nodes }
    var atLineStart = true
    return nodes.map { node in
      switch node {
      case .text(let text):
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices where (i > 0 || atLineStart) && lines[i].hasPrefix(prefix) {
          lines[i].removeFirst(prefix.count)
        }
        atLineStart = text.hasSuffix("\n")
        return .text(lines.joined(separator: "\n"))
      case .variable:
        atLineStart = false
        return node
      case .section(let name, let children, let inverted, let at):
        return .section(name, nodes: outdent(children, by: prefix), inverted: inverted, at: at)
      case .partial(let name, let indent, let at):
        return .partial(name, indent: trim(indent, prefix), at: at)
      case .parent(let name, let blocks, let indent, let at):
        return .parent(name, blocks: blocks, indent: trim(indent, prefix), at: at)
      case .block(var block):
        block.indent = trim(block.indent, prefix)
        block.nodes = outdent(block.nodes, by: prefix)
        return .block(block)
      }
    }
  }

  private static func trim(_ indent: String, _ prefix: String) -> String {
    indent.hasPrefix(prefix) ? String(indent.dropFirst(prefix.count)) : indent
  }
}
