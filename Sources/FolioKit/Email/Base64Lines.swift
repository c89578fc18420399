import Foundation

/// Base64 bodies wrapped at 76 characters a line, CRLF-terminated (RFC 2045 §6.8).
public enum Base64Lines {
  public static func encode(_ data: Data) -> String {
    let text = Array(data.base64EncodedString().utf8)
    var out: [UInt8] = []
    out.reserveCapacity(text.count + text.count / 38 + 2)
    var start = 0
    while start < text.count {
      let end = min(start + 76, text.count)
      out += text[start..<end]
      out += [13, 10]
      start = end
    }
    return String(decoding: out, as: UTF8.self)
  }
}
