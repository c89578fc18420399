/// The lines of a source file, split the way editors number them.
///
/// Splits on `\n` only (a trailing `\r` is dropped from each line), working on
/// UTF-8 because Swift treats `\r\n` as one `Character`.
struct SourceLines: Sendable {
  /// The text of each line without its line terminator.
  let lines: [Substring]
  /// The UTF-8 offset where each line starts in the original text.
  let offsets: [Int]

  init(_ text: String) {
    var lines: [Substring] = []
    var offsets: [Int] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var offset = 0
    var lineStartOffset = 0
    var index = start
    while index != utf8.endIndex {
      if utf8[index] == UInt8(ascii: "\n") {
        lines.append(Self.trimmingCR(text[start..<index]))
        offsets.append(lineStartOffset)
        start = utf8.index(after: index)
        lineStartOffset = offset + 1
      }
      offset += 1
      index = utf8.index(after: index)
    }
    if start != utf8.endIndex || lines.isEmpty {
      lines.append(Self.trimmingCR(text[start..<utf8.endIndex]))
      offsets.append(lineStartOffset)
    }
    self.lines = lines
    self.offsets = offsets
  }

  private static func trimmingCR(_ line: Substring) -> Substring {
    line.utf8.last == UInt8(ascii: "\r") ? line.dropLast() : line
  }

  /// The 1-based line `number`, or nil past the end.
  subscript(number: Int) -> Substring? {
    number >= 1 && number <= lines.count ? lines[number - 1] : nil
  }

  var count: Int { lines.count }

  /// The 1-based character column of a 0-based UTF-8 byte offset within a line.
  static func characterColumn(ofByte byteOffset: Int, in line: Substring) -> Int {
    let utf8 = line.utf8
    let end = utf8.index(utf8.startIndex, offsetBy: min(max(byteOffset, 0), utf8.count))
    return line[line.startIndex..<end].count + 1
  }
}
