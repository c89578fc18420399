import Foundation

/// A mailbox for From/To: `ops@example.org` or `Ops Team <ops@example.org>`.
public struct EmailAddress: Sendable, Equatable {
  public var name: String
  public var address: String

  /// Parses and minimally validates a mailbox; throws on line breaks, missing `@`,
  /// spaces or angle brackets in the address.
  public init(_ text: String) throws {
    try MIMEHeader.checkValue(text, field: "address")
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
      name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
      if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
        name = String(name.dropFirst().dropLast())
      }
      address = String(
        trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
    } else {
      name = ""
      address = trimmed
    }
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    let forbidden: Set<Character> = [" ", "\t", "<", ">", ",", ";", "\"", "(", ")", "[", "]", "\\"]
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
      !parts[1].hasSuffix("."), !address.contains(where: { forbidden.contains($0) }),
      address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
    else {
      throw FolioError(
        .email,
        "'\(text)' is not an email address (expected name@domain.tld or Name <name@domain.tld>)")
    }
  }

  /// The domain part, used for Message-ID.
  public var domain: String { String(address.split(separator: "@").last ?? "localhost") }

  /// The header form: the display name quoted or RFC 2047-encoded as needed.
  public var header: String {
    guard !name.isEmpty else { return address }
    let display: String
    if !MIMEHeader.isPlainASCII(name) {
      display = MIMEHeader.encodedWords(name).joined(separator: " ")
    } else if name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" })
    {
      display = name
    } else {
      display =
        "\""
        + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
          of: "\"", with: "\\\"") + "\""
    }
    return display + " <" + address + ">"
  }
}
