import Foundation

/// RFC 2045 §6.7 quoted-printable, producing CRLF lines of at most 76 characters.
public enum QuotedPrintable {
  /// Encodes UTF-8 text; `\n`, `\r\n` and `\r` become CRLF hard breaks.
  public static func encode(_ text: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    var lines: [[UInt8]] = [[]]
    var bytes = Array(text.utf8)
    if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 13 || b == 10 {
        if b == 13, i + 1 < bytes.count, bytes[i + 1] == 10 { i += 1 }
        lines.append([])
      } else {
        lines[lines.count - 1].append(b)
      }
      i += 1
    }
    for (n, line) in lines.enumerated() {
      if n > 0 { out += [13, 10] }
      var column = 0
      for (j, b) in line.enumerated() {
        let isLast = j == line.count - 1
        func encoded(at column: Int) -> [UInt8] {
          let literal =
            (b >= 33 && b <= 126 && b != UInt8(ascii: "="))
            || ((b == 32 || b == 9) && !isLast)
          // "From " and a leading "." are mangled by some MTAs at a line start; encode them.
          let risky =
            column == 0
            && (b == UInt8(ascii: ".") || line[j...].starts(with: Array("From ".utf8)))
          return literal && !risky ? [b] : [UInt8(ascii: "="), hex[Int(b >> 4)], hex[Int(b & 15)]]
        }
        var token = encoded(at: column)
        // Leave room for the soft-break `=` unless this token ends the line.
        if column + token.count > (isLast ? 76 : 75) {
          out += [UInt8(ascii: "="), 13, 10]
          column = 0
          token = encoded(at: 0)
        }
        out += token
        column += token.count
      }
    }
    out += [13, 10]
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes quoted-printable (soft breaks removed, hard breaks kept as CRLF).
  public static func decode(_ text: String) -> Data {
    let bytes = Array(text.utf8)
    var out = Data()
    var i = 0
    func hexValue(_ c: UInt8) -> UInt8? {
      switch c {
      case 48...57: return c - 48
      case 65...70: return c - 55
      case 97...102: return c - 87
      default: return nil
      }
    }
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "=") {
        if i + 2 < bytes.count, bytes[i + 1] == 13, bytes[i + 2] == 10 {
          i += 3
          continue
        }
        if i + 1 < bytes.count, bytes[i + 1] == 10 {
          i += 2
          continue
        }
        if i + 2 < bytes.count, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
          out.append(h << 4 | l)
          i += 3
          continue
        }
      }
      out.append(b)
      i += 1
    }
    return out
  }
}
