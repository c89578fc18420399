import Foundation

/// Writes one CSV file through a byte buffer: RFC 4180 quoting, LF line ends,
/// and locale-free number text made with integer arithmetic (fast and the same
/// on every platform, unlike `String(format:)` per value). A struct, so that
/// buffer access needs no runtime exclusivity checks in the hot loop.
struct SampleCSVWriter {
  private let handle: FileHandle
  private let path: String
  private var buffer: [UInt8] = []
  private var atLineStart = true
  /// Data rows written so far (the header is not counted).
  private(set) var rows = 0
  private static let flushSize = 1 << 20

  init(url: URL, header: [String]) throws {
    path = url.path
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
      throw FolioError(.write, "cannot create file", path: path)
    }
    do {
      handle = try FileHandle(forWritingTo: url)
    } catch {
      throw FolioError(.write, "cannot open file for writing: \(error.localizedDescription)", path: path)
    }
    buffer.reserveCapacity(Self.flushSize + 4096)
    for name in header { text(name) }
    buffer.append(0x0A)
    atLineStart = true
  }

  /// Ends the current row.
  mutating func endRow() throws {
    buffer.append(0x0A)
    atLineStart = true
    rows += 1
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// Writes the rest of the buffer and closes the file.
  mutating func close() throws {
    try flush()
    do { try handle.close() } catch {
      throw FolioError(.write, "cannot close file: \(error.localizedDescription)", path: path)
    }
  }

  /// A text field, quoted when it holds a separator, quote, backslash or line break.
  mutating func text(_ value: String) {
    separate()
    buffer.append(contentsOf: Self.quoted(value).utf8)
  }

  /// Bytes prepared once (dates, codes) and written as they are.
  mutating func raw(_ bytes: [UInt8]) {
    separate()
    buffer.append(contentsOf: bytes)
  }

  mutating func int(_ value: Int) {
    separate()
    appendInt(value)
  }

  /// A double with exactly two decimals, rounded half away from zero.
  mutating func fixed2(_ value: Double) {
    separate()
    let cents = Int((value * 100).rounded())
    if cents < 0 { buffer.append(0x2D) }
    let magnitude = cents.magnitude
    appendInt(Int(magnitude / 100))
    buffer.append(0x2E)
    let fraction = Int(magnitude % 100)
    buffer.append(0x30 + UInt8(fraction / 10))
    buffer.append(0x30 + UInt8(fraction % 10))
  }

  /// RFC 4180 quoting; the backslash is quoted too because the reader treats it as
  /// OpenCSV's escape character, and doubled inside so it survives a round trip.
  static func quoted(_ value: String) -> String {
    let special = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }
    guard special else { return value }
    var out = "\""
    for ch in value.unicodeScalars {
      switch ch {
      case "\"": out += "\"\""
      case "\\": out += "\\\\"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out + "\""
  }

  private mutating func separate() {
    if atLineStart { atLineStart = false } else { buffer.append(0x2C) }
  }

  private mutating func appendInt(_ value: Int) {
    if value < 0 { buffer.append(0x2D) }
    var n = value.magnitude
    var width = 1
    var limit: UInt = 10
    while n >= limit && width < 19 {
      width += 1
      limit &*= 10
    }
    if n >= limit { width += 1 }
    // Reserve the digits, then fill them from the right: no temporary array.
    var index = buffer.count + width - 1
    buffer.append(contentsOf: repeatElement(0x30, count: width))
    repeat {
      buffer[index] = 0x30 + UInt8(n % 10)
      n /= 10
      index -= 1
    } while n > 0
  }

  private mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    do {
      try buffer.withUnsafeBytes { try handle.write(contentsOf: Data($0)) }
    } catch {
      throw FolioError(.write, "cannot write: \(error.localizedDescription)", path: path)
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
