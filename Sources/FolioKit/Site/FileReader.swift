import Foundation

/// Whole-file reads with one open, fstat and read. A thousand-page site reads
/// every page on each build, and on a slow shared disk every extra system call
/// (Foundation adds path stats around its reads) shows in the build time.
enum FileReader {
  /// The bytes of the file at `path`; `nil` (with `errno` set) when it cannot be read.
  static func bytes(atPath path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    return read(fd, sizeHint: Int(info.st_size))
  }

  /// Reads `fd` to its end. `sizeHint` (from fstat) sizes the buffer, with one
  /// spare byte; a file that grew meanwhile is still read whole. A short read
  /// ends it: these are regular files, where that means end of file, and it
  /// saves the second read(2) that would only return 0.
  static func read(_ fd: Int32, sizeHint: Int) -> [UInt8]? {
    var result = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
    var filled = 0
    while true {
      if filled == result.count { result.append(contentsOf: repeatElement(0, count: result.count)) }
      let want = result.count - filled
      let n = result.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + filled, want) }
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      filled += n
      if n < want { break }
    }
    result.removeLast(result.count - filled)
    return result
  }

  /// Byte order of two strings' UTF-8 (the order of `files(under:)` and the
  /// commit), with memcmp: the generic `lexicographicallyPrecedes` showed in profiles.
  static func precedes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        let common = min(x.count, y.count)
        if common > 0, let p = x.baseAddress, let q = y.baseAddress {
          let order = memcmp(p, q, common)
          if order != 0 { return order < 0 }
        }
        return x.count < y.count
      }
    }
  }

  /// True when `bytes` equals `expected` (memcmp).
  static func same(_ bytes: [UInt8], _ expected: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == expected.count else { return false }
    if bytes.isEmpty { return true }
    return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, expected.baseAddress!, bytes.count) == 0 }
  }

  /// The UTF-8 text of the file at `path`; `nil` when it cannot be read or is not valid UTF-8.
  static func text(atPath path: String) -> String? {
    bytes(atPath: path).flatMap(text(utf8:))
  }

  /// Bytes as UTF-8 text without a leading byte-order mark (as Foundation's
  /// `String(contentsOf:encoding:)` reads them); `nil` when not valid UTF-8.
  static func text(utf8 bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return String(validating: bytes[3...], as: UTF8.self)
    }
    return String(validating: bytes, as: UTF8.self)
  }
}
