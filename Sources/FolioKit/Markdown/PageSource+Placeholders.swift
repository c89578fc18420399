extension PageSource {
  /// The placeholder line `<!--folio:block:N-->` for block `index`: an HTML
  /// comment, so cmark keeps it as one `.htmlBlock` the renderer can override.
  public static func placeholder(_ index: Int) -> String {
    "<!--folio:block:\(index)-->"
  }

  /// The block index of a placeholder `.htmlBlock` node, nil for any other node.
  public static func placeholderIndex(_ node: MarkdownNode) -> Int? {
    guard node.kind == .htmlBlock, var text = node.literal?[...] else { return nil }
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    guard text.hasPrefix("<!--folio:block:"), text.hasSuffix("-->") else { return nil }
    return Int(text.dropFirst(16).dropLast(3))
  }

  /// The body with each block's lines (fence to closing fence) replaced by
  /// `replacement(index)`, padded with blank lines so every later line keeps
  /// its number. Inside block quotes and list items the container markers
  /// (`> `, indentation) are kept on each line. Lines end in `\n`.
  public func bodyReplacingBlocks(with replacement: (Int) -> String) -> String {
    let bodyLines = SourceLines(body)
    var output: [String] = []
    output.reserveCapacity(bodyLines.count)
    var bodyLine = 1
    for (index, block) in blocks.enumerated() {
      let first = block.line - bodyStartLine + 1
      let last = block.endLine - bodyStartLine + 1
      guard first >= bodyLine, last >= first else { continue }
      while bodyLine < first {
        output.append(String(bodyLines[bodyLine] ?? ""))
        bodyLine += 1
      }
      let fenceLine = bodyLines[first] ?? ""
      let prefix = String(fenceLine.prefix(block.column - 1))
      var newLines = replacement(index).split(separator: "\n", omittingEmptySubsequences: false)
      if newLines.count > 1, newLines.last == "" { newLines.removeLast() }
      var continuation = prefix
      for offset in 0..<max(newLines.count, last - first + 1) {
        let number = first + offset
        if offset == 0 {
          output.append(prefix + newLines[0])
        } else {
          if number <= last {
            continuation = Self.containerPrefix(of: bodyLines[number] ?? "", limit: prefix.count)
          }
          if offset < newLines.count {
            output.append(continuation + newLines[offset])
          } else {
            // Padding: the container markers alone ("> " → ">"), or an empty line.
            output.append(String(continuation.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
          }
        }
      }
      bodyLine = last + 1
    }
    while bodyLine <= bodyLines.count {
      output.append(String(bodyLines[bodyLine] ?? ""))
      bodyLine += 1
    }
    return output.joined(separator: "\n") + (body.hasSuffix("\n") ? "\n" : "")
  }

  /// The leading run of spaces, tabs and `>` markers, at most `limit` characters.
  private static func containerPrefix(of line: Substring, limit: Int) -> String {
    String(line.prefix { $0 == " " || $0 == "\t" || $0 == ">" }.prefix(limit))
  }
}
