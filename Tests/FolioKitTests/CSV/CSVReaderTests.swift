import Testing

@testable import FolioKit

@Suite struct CSVReaderTests {
  /// Reads `text` with every chunk size from one byte up, so fields split across reads.
  func read(_ bytes: [UInt8], chunk: Int, dialect: CSVDialect = .init()) throws -> [(Int, [String])] {
    var offset = 0
    let reader = CSVReader(dialect: dialect, chunkSize: chunk) { buffer in
      let n = Swift.min(buffer.count, bytes.count - offset)
      for i in 0..<n { buffer[i] = bytes[offset + i] }
      offset += n
      return n
    }
    var out: [(Int, [String])] = []
    try reader.forEachRecord {
      out.append((reader.line, reader.fields.map { String(decoding: $0, as: UTF8.self) }))
    }
    return out
  }

  func expectRecords(
    _ text: String, _ expected: [[String]], lines: [Int]? = nil, dialect: CSVDialect = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for chunk in [1, 2, 3, 5, 8, 64, 1 << 20] {
      let got = try read(Array(text.utf8), chunk: chunk, dialect: dialect)
      #expect(got.map(\.1) == expected, "chunk \(chunk)", sourceLocation: sourceLocation)
      if let lines { #expect(got.map(\.0) == lines, "chunk \(chunk)", sourceLocation: sourceLocation) }
    }
  }

  @Test func bomAndCRLF() throws {
    try expectRecords("\u{FEFF}a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]], lines: [1, 2])
  }

  @Test func quotedSeparatorsAndLineBreaks() throws {
    try expectRecords("x,\"a,b\nc\",y\nz,\"\",w\n", [["x", "a,b\nc", "y"], ["z", "", "w"]], lines: [1, 3])
    try expectRecords("\"a\r\nb\"\r\nc\r\n", [["a\r\nb"], ["c"]], lines: [1, 3])
  }

  @Test func doubledQuotes() throws {
    try expectRecords("\"he said \"\"hi\"\"\",2\n", [["he said \"hi\"", "2"]])
  }

  @Test func escapesInsideAndOutsideQuotes() throws {
    try expectRecords(
      "a\\,b,\"q\\\"x\",c\\\\d,e\\nf,\"\\,\"\n", [["a,b", "q\"x", "c\\d", "enf", ","]])
    // An escaped line break is data and still counts as a physical line.
    try expectRecords("a\\\nb,c\nd\n", [["a\nb", "c"], ["d"]], lines: [1, 3])
    // A backslash at the very end of the file is dropped.
    try expectRecords("a,b\\", [["a", "b"]])
  }

  @Test func escapeCanBeTurnedOff() throws {
    try expectRecords("a\\b,\"c\\\"\n", [["a\\b", "c\\"]], dialect: CSVDialect(escape: nil))
  }

  @Test func otherSeparator() throws {
    try expectRecords("a;\"b;c\",d\n", [["a", "b;c,d"]], dialect: CSVDialect(separator: UInt8(ascii: ";")))
  }

  @Test func emptyLinesAreSkippedButCounted() throws {
    try expectRecords("a\n\n\r\nb\n\n", [["a"], ["b"]], lines: [1, 4])
    try expectRecords(",\n", [["", ""]])
  }

  @Test func lastLineWithoutLineBreak() throws {
    try expectRecords("a,b\nc,", [["a", "b"], ["c", ""]])
    try expectRecords("a,\"b\"", [["a", "b"]])
  }

  @Test func quotesNotAtFieldStart() throws {
    try expectRecords("ab\"c,d\n\"ab\"c,e\n", [["ab\"c", "d"], ["abc", "e"]])
  }

  @Test func valuesAreNotTrimmed() throws {
    try expectRecords(" a , b\n", [[" a ", " b"]])
  }

  @Test func recordLongerThanManyChunks() throws {
    let long = String(repeating: "xyz", count: 700)
    try expectRecords("1,\(long)\n2,\"\(long)\"\n", [["1", long], ["2", long]])
  }

  @Test func unterminatedQuoteFailsWithItsStartLine() throws {
    for chunk in [1, 4, 1 << 20] {
      #expect(throws: CSVReader.Failure.unterminatedQuote(line: 2)) {
        _ = try read(Array("a,b\nc,\"d\ne\n".utf8), chunk: chunk)
      }
    }
  }

  @Test func emptyInputHasNoRecords() throws {
    try expectRecords("", [])
    try expectRecords("\u{FEFF}", [])
    try expectRecords("\n\n", [])
  }
}
