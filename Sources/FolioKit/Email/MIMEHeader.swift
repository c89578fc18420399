import Foundation

/// Header-field helpers: RFC 2047 encoded words, folding, RFC 5322 dates, and the
/// injection guard every header value goes through.
public enum MIMEHeader {
  /// Rejects CR, LF and NUL: a value from data must never start a new header.
  public static func checkValue(_ value: String, field: String) throws {
    if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
      throw FolioError(
        .email,
        "the \(field) header contains a line break or NUL; refusing to write it (header injection)")
    }
  }

  /// True when every scalar is printable ASCII or a space.
  static func isPlainASCII(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
  }

  /// `Subject: text`, RFC 2047 B-encoded when not ASCII, folded to ≤ 78 characters a line.
  public static func unstructured(_ name: String, _ value: String) -> String {
    if isPlainASCII(value) && !value.contains("=?") {
      return fold(name + ": " + value)
    }
    return name + ": " + encodedWords(value).joined(separator: "\r\n ")
  }

  /// Encoded words of at most 42 UTF-8 bytes each, never splitting a character:
  /// 56 base64 characters + 12 of framing = 68, so "Subject: " + a word and
  /// " " + a word both stay under 78.
  static func encodedWords(_ value: String) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    for ch in value {
      let bytes = Array(String(ch).utf8)
      if chunk.count + bytes.count > 42, !chunk.isEmpty {
        words.append(encodedWord(chunk))
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
    return words
  }

  static func encodedWord(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
  }

  /// Folds an ASCII header line at spaces so lines stay ≤ 78 characters where a space
  /// allows it; a line with no space is hard-limited to 998 by the caller's validation.
  public static func fold(_ line: String) -> String {
    guard line.utf8.count > 78 else { return line }
    var lines: [String] = []
    var current = ""
    for (i, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
      if i == 0 {
        current = String(word)
      } else if current.utf8.count + 1 + word.utf8.count > 78,
        !current.trimmingCharacters(in: .whitespaces).isEmpty
      {
        lines.append(current)
        current = " " + word
      } else {
        current += " " + word
      }
    }
    lines.append(current)
    return lines.joined(separator: "\r\n")
  }

  /// Decodes encoded words (B and Q) in an unfolded header value; whitespace between
  /// adjacent encoded words is dropped (RFC 2047 §6.2).
  public static func decode(_ value: String) -> String {
    let unfolded = value.replacingOccurrences(of: "\r\n", with: "")
    var out = ""
    var rest = Substring(unfolded)
    var pendingSpace = ""
    var lastWasEncoded = false
    while !rest.isEmpty {
      if rest.hasPrefix("=?"), let decoded = decodeWord(&rest) {
        if !lastWasEncoded { out += pendingSpace }
        out += decoded
        pendingSpace = ""
        lastWasEncoded = true
        continue
      }
      let ch = rest.removeFirst()
      if ch == " " || ch == "\t" {
        pendingSpace.append(ch)
      } else {
        out += pendingSpace
        pendingSpace = ""
        out.append(ch)
        lastWasEncoded = false
      }
    }
    return out + pendingSpace
  }

  private static func decodeWord(_ rest: inout Substring) -> String? {
    let parts = rest.dropFirst(2).split(
      separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
    guard parts.count == 4, parts[3].hasPrefix("=") else { return nil }
    let encoding = parts[1].uppercased()
    let payload = String(parts[2])
    var data: Data?
    if encoding == "B" {
      data = Data(base64Encoded: payload)
    } else if encoding == "Q" {
      data = QuotedPrintable.decode(payload.replacingOccurrences(of: "_", with: " "))
    }
    guard let data, let text = String(data: data, encoding: .utf8) else { return nil }
    let consumed = 2 + parts[0].count + 1 + parts[1].count + 1 + parts[2].count + 2
    rest = rest.dropFirst(consumed)
    return text
  }

  /// `Thu, 03 Dec 2026 16:28:18 +0000`: RFC 5322 §3.3, always in UTC.
  public static func date(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let c = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    func two(_ n: Int?) -> String {
      let v = n ?? 0
      return v < 10 ? "0\(v)" : "\(v)"
    }
    let weekday = days[((c.weekday ?? 1) - 1) % 7]
    let month = months[((c.month ?? 1) - 1) % 12]
    return
      "\(weekday), \(two(c.day)) \(month) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
  }
}
