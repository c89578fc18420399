import Foundation

/// Writes a staged output file. No fsync: staged files are swapped in as a
/// whole at the end of a build, so a crash leaves the previous site, and
/// syncing a thousand pages one by one only costs time (Foundation's
/// `Data.write` syncs each file on Linux).
enum FileWriter {
  static func write(_ text: String, to url: URL) throws {
    try write(text, toPath: url.path)
  }

  /// As `write(_:to:)`, for a path string: building a file URL with
  /// `appendingPathComponent` costs a stat, once per page for nothing.
  static func write(_ text: String, toPath path: String) throws {
    var text = text
    let ok = text.withUTF8 { bytes -> Bool in
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { return false }
      defer { close(fd) }
      var offset = 0
      while offset < bytes.count {
        let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n <= 0 { return false }
        offset += n
      }
      return true
    }
    if !ok {
      throw FolioError(.write, "cannot write file: \(String(cString: strerror(errno)))", path: path)
    }
  }
}
