/// cmark's escaping rules (houdini), reimplemented byte for byte.
enum HTMLEscaping {
  /// `&<>"` become entities, as cmark's `escape_html` does for text and attributes.
  static func escapeText<S: Sequence>(_ bytes: S, into out: inout [UInt8]) where S.Element == UInt8 {
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "&"): out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
      case UInt8(ascii: "<"): out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
      case UInt8(ascii: ">"): out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
      case UInt8(ascii: "\""): out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
      default: out.append(byte)
      }
    }
  }

  /// Escapes a string for HTML text or a quoted attribute value.
  static func escapeText(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    escapeText(text.utf8, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// cmark's `houdini_escape_href`: URL-safe bytes pass, `&` and `'` become
  /// entities, everything else is percent-encoded with upper-case hex.
  static func escapeHref(_ url: String, into out: inout [UInt8]) {
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    for byte in url.utf8 {
      if hrefSafe[Int(byte)] {
        out.append(byte)
      } else if byte == UInt8(ascii: "&") {
        out.append(contentsOf: Array("&amp;".utf8))
      } else if byte == UInt8(ascii: "'") {
        out.append(contentsOf: Array("&#x27;".utf8))
      } else {
        out.append(UInt8(ascii: "%"))
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
      }
    }
  }

  /// cmark's `HREF_SAFE` table: alphanumerics and `-_.+!*(),%#@?=;:/$~`.
  static let hrefSafe: [Bool] = {
    var table = [Bool](repeating: false, count: 256)
    for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
    for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
    for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
    for byte in "-_.+!*(),%#@?=;:/$~".utf8 { table[Int(byte)] = true }
    return table
  }()

  /// cmark's `cmark_isspace`: space, tab, LF, VT, FF, CR.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }
}
