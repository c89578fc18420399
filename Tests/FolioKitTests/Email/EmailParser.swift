import Foundation

@testable import FolioKit

/// A minimal MIME reader for tests: headers (unfolded), multipart boundaries, and
/// base64 / quoted-printable decoding. It is strict where the writer must be.
struct ParsedPart {
  var headers: [(name: String, value: String)]
  /// The raw body as written (still transfer-encoded), CRLF line endings.
  var rawBody: String
  var parts: [ParsedPart]

  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// `multipart/related` from `multipart/related; type="text/html"; boundary=...`.
  var mediaType: String {
    (header("Content-Type") ?? "text/plain").split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    } ?? ""
  }

  func parameter(_ key: String, of name: String = "Content-Type") -> String? {
    guard let value = header(name) else { return nil }
    for piece in value.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      guard pair.count == 2, pair[0].lowercased() == key else { continue }
      var v = pair[1]
      if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
      return v
    }
    return nil
  }

  /// The body with its transfer encoding undone.
  var decodedBody: Data {
    switch header("Content-Transfer-Encoding")?.lowercased() {
    case "base64":
      return Data(base64Encoded: rawBody.replacingOccurrences(of: "\r\n", with: "")) ?? Data()
    case "quoted-printable":
      return QuotedPrintable.decode(rawBody)
    default:
      return Data(rawBody.utf8)
    }
  }

  var decodedText: String { String(decoding: decodedBody, as: UTF8.self) }

  /// Every leaf part, depth first.
  var leaves: [ParsedPart] { parts.isEmpty ? [self] : parts.flatMap(\.leaves) }
}

enum EmailParserError: Error, CustomStringConvertible {
  case malformed(String)
  var description: String {
    switch self {
    case .malformed(let m): return m
    }
  }
}

enum EmailParser {
  static func parse(_ data: Data) throws -> ParsedPart {
    try parse(String(decoding: data, as: UTF8.self))
  }

  static func parse(_ text: String) throws -> ParsedPart {
    guard let split = text.range(of: "\r\n\r\n") else {
      throw EmailParserError.malformed("no blank line after headers")
    }
    let headerText = String(text[..<split.lowerBound])
    let body = String(text[split.upperBound...])
    var headers: [(String, String)] = []
    for line in headerText.components(separatedBy: "\r\n") {
      if line.first == " " || line.first == "\t" {
        guard !headers.isEmpty else {
          throw EmailParserError.malformed("continuation line before any header")
        }
        headers[headers.count - 1].1 += "\r\n" + line
      } else {
        guard let colon = line.firstIndex(of: ":") else {
          throw EmailParserError.malformed("header without colon: \(line)")
        }
        headers.append(
          (
            String(line[..<colon]),
            String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
          ))
      }
    }
    var part = ParsedPart(
      headers: headers.map { (name: $0.0, value: $0.1) }, rawBody: body, parts: [])
    if part.mediaType.hasPrefix("multipart/") {
      guard let boundary = part.parameter("boundary") else {
        throw EmailParserError.malformed("multipart without boundary")
      }
      let delimiter = "--" + boundary
      let lines = body.components(separatedBy: "\r\n")
      var current: [String]?
      var closed = false
      for line in lines {
        if line == delimiter + "--" {
          if let c = current { part.parts.append(try parse(c.joined(separator: "\r\n"))) }
          current = nil
          closed = true
          break
        }
        if line == delimiter {
          if let c = current { part.parts.append(try parse(c.joined(separator: "\r\n"))) }
          current = []
          continue
        }
        current?.append(line)
      }
      guard closed else {
        throw EmailParserError.malformed("multipart \(boundary) has no closing delimiter")
      }
    }
    return part
  }
}

enum EmailTestSupport {
  /// True when every CR is followed by LF and every LF preceded by CR (checked on bytes,
  /// since Swift treats CRLF as one Character).
  static func onlyCRLF(_ text: String) -> Bool {
    let b = Array(text.utf8)
    for i in b.indices {
      if b[i] == 13 && (i + 1 >= b.count || b[i + 1] != 10) { return false }
      if b[i] == 10 && (i == 0 || b[i - 1] != 13) { return false }
    }
    return true
  }

  /// The fixture folder of this suite.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Email")

  static func fixture(_ name: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
  }
}
