import CSQLite
import Foundation

extension Database {
  /// Runs every statement of a script, one at a time, so an error can name the
  /// line and column where the failing statement (or SQLite's error offset) is.
  /// Returns the number of statements run.
  @discardableResult
  public func executeScript(_ script: String, path: String) throws -> Int {
    let bytes = Array(script.utf8) + [0]
    var count = 0
    try bytes.withUnsafeBufferPointer { buffer in
      let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
      var cursor = base
      while cursor.pointee != 0 {
        var stmt: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let start = cursor - base
        let code = sqlite3_prepare_v2(handle, cursor, -1, &stmt, &tail)
        defer { sqlite3_finalize(stmt) }
        if code == SQLITE_OK, let stmt {
          var step = sqlite3_step(stmt)
          while step == SQLITE_ROW { step = sqlite3_step(stmt) }
          if step != SQLITE_DONE {
            throw scriptError(script: script, bytes: bytes, offset: statementStart(bytes, from: start), path: path)
          }
          count += 1
        } else if code != SQLITE_OK {
          let offset = errorOffset.map { start + $0 } ?? statementStart(bytes, from: start)
          throw scriptError(script: script, bytes: bytes, offset: offset, path: path)
        }
        guard let tail, tail > cursor else { break }
        cursor = tail
      }
    }
    return count
  }

  /// Skips whitespace and `--` comments so an error points at the statement's first word.
  private func statementStart(_ bytes: [UInt8], from start: Int) -> Int {
    var i = start
    while i < bytes.count - 1 {
      if bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 {
        i += 1
      } else if bytes[i] == 0x2D, bytes[i + 1] == 0x2D {
        while i < bytes.count - 1, bytes[i] != 0x0A { i += 1 }
      } else {
        break
      }
    }
    return i
  }

  private func scriptError(script: String, bytes: [UInt8], offset: Int, path: String) -> FolioError {
    let message = String(cString: sqlite3_errmsg(handle))
    let (line, column, text) = Self.position(of: offset, in: bytes)
    return FolioError(.pipeline, "SQLite: \(message)", path: path, line: line, column: column, excerpt: text)
  }

  /// 1-based line and column of a byte offset, and that line's text.
  static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int, String) {
    let end = min(offset, bytes.count)
    var line = 1
    var lineStart = 0
    for i in 0..<end where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    var lineEnd = lineStart
    while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0 { lineEnd += 1 }
    let text = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
    let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
    return (line, column, text.trimmingCharacters(in: .whitespaces))
  }
}
