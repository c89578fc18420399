/// The text a template was compiled from, kept to turn byte offsets into
/// `path:line:column` and a quoted line when something goes wrong.
struct TemplateSource: Sendable {
  let text: String
  let path: String
  /// Added to every line number: the line of the file where `text` starts, minus 1.
  let lineOffset: Int

  /// The 1-based line and column (in characters) of a byte offset, and that line's text.
  func location(of offset: Int) -> (line: Int, column: Int, excerpt: String) {
    let bytes = text.utf8
    var line = 1
    var lineStart = bytes.startIndex
    var index = bytes.startIndex
    let target = bytes.index(bytes.startIndex, offsetBy: min(max(offset, 0), bytes.count))
    while index < target {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = bytes.index(after: index)
      }
      index = bytes.index(after: index)
    }
    let column = String(decoding: bytes[lineStart..<target], as: UTF8.self).count + 1
    var lineEnd = target
    while lineEnd < bytes.endIndex, bytes[lineEnd] != UInt8(ascii: "\n") {
      lineEnd = bytes.index(after: lineEnd)
    }
    var excerpt = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
    if excerpt.hasSuffix("\r") { excerpt.removeLast() }
    return (line + lineOffset, column, excerpt)
  }

  /// A render-stage error pointing at the tag at `offset`.
  func error(_ message: String, at offset: Int) -> FolioError {
    let place = location(of: offset)
    return FolioError(
      .render, message, path: path, line: place.line, column: place.column, excerpt: place.excerpt)
  }

  /// The file line of a byte offset.
  func line(of offset: Int) -> Int { location(of: offset).line }
}
