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

  /// `escapeText` for a whole string, appending unescaped runs in bulk.
  static func escapeText(_ text: String, into out: inout [UInt8]) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
      var runStart = 0
      for index in 0..<bytes.count {
        let entity: StaticString
        switch bytes[index] {
        case UInt8(ascii: "&"): entity = "&amp;"
        case UInt8(ascii: "<"): entity = "&lt;"
        case UInt8(ascii: ">"): entity = "&gt;"
        case UInt8(ascii: "\""): entity = "&quot;"
        default: continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        entity.withUTF8Buffer { out.append(contentsOf: $0) }
        runStart = index + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    if done == nil { escapeText(text.utf8, into: &out) }
  }

  /// Escapes a string for HTML text or a quoted attribute value.
  static func escapeText(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    escapeText(text, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// cmark's `houdini_escape_href`: URL-safe bytes pass, `&` and `'` become
  /// entities, everything else is percent-encoded with upper-case hex.
  static func escapeHref(_ url: String, into out: inout [UInt8]) {
    for byte in url.utf8 {
      if hrefSafe[Int(byte)] {
        out.append(byte)
      } else if byte == UInt8(ascii: "&") {
        ("&amp;" as StaticString).withUTF8Buffer { out.append(contentsOf: $0) }
      } else if byte == UInt8(ascii: "'") {
        ("&#x27;" as StaticString).withUTF8Buffer { out.append(contentsOf: $0) }
      } else {
        out.append(UInt8(ascii: "%"))
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0x0F)])
      }
    }
  }

  private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

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
