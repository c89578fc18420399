import Foundation
import Testing

@testable import FolioKit

@Suite("Email MIME encoding")
struct EmailMIMEEncodingTests {
  func lines(_ s: String) -> [Substring] {
    s.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast()
  }

  @Test func quotedPrintableRoundTripsAndKeepsLinesShort() {
    let text =
      "Fiabilité — novembre 2026: 95.8 = bon\n" + String(repeating: "é", count: 100) + "\n"
      + String(repeating: "a", count: 200) + "  \nend\t"
    let encoded = QuotedPrintable.encode(text)
    #expect(EmailTestSupport.onlyCRLF(encoded))
    for line in lines(encoded) { #expect(line.utf8.count <= 76, "line too long: \(line)") }
    #expect(encoded.hasSuffix("\r\n"))
    #expect(encoded.contains("=3D bon"))
    #expect(encoded.contains("=C3=A9"))
    // Trailing whitespace is encoded so transports cannot strip it.
    #expect(encoded.contains(" =20\r\n"))
    #expect(encoded.contains("end=09\r\n"))
    let decoded = String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self)
    #expect(decoded == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
  }

  @Test func quotedPrintableNeverSplitsAnEscape() {
    for n in 70...80 {
      let text = String(repeating: "x", count: n) + "ééé"
      let encoded = QuotedPrintable.encode(text)
      for line in lines(encoded) {
        #expect(line.utf8.count <= 76)
        // A soft break may only follow complete tokens: no dangling "=X" before it.
        let body = line.hasSuffix("=") ? line.dropLast() : line[...]
        let parts = body.split(separator: "=", omittingEmptySubsequences: false).dropFirst()
        #expect(parts.allSatisfy { $0.count >= 2 }, "split escape in \(line)")
      }
      #expect(String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self) == text + "\r\n")
    }
  }

  @Test func quotedPrintableProtectsFromAndDotAtLineStart() {
    let encoded = QuotedPrintable.encode("From here\n.\nok")
    #expect(encoded == "=46rom here\r\n=2E\r\nok\r\n")
  }

  @Test func base64WrapsAt76() {
    let data = Data((0..<1000).map { UInt8($0 % 256) })
    let encoded = Base64Lines.encode(data)
    let ls = lines(encoded)
    #expect(ls.dropLast().allSatisfy { $0.utf8.count == 76 })
    #expect(ls.last!.utf8.count <= 76)
    #expect(Data(base64Encoded: encoded.replacingOccurrences(of: "\r\n", with: "")) == data)
  }

  @Test func nonASCIISubjectIsEncodedFoldedAndRoundTrips() {
    let subject =
      "Fiabilité — novembre 2026 : taux de rupture SLA en baisse, latence moyenne stable, coûts ↑"
    let header = MIMEHeader.unstructured("Subject", subject)
    for line in header.components(separatedBy: "\r\n") {
      #expect(line.utf8.count <= 78, "\(line)")
      #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
    }
    #expect(header.hasPrefix("Subject: =?UTF-8?B?"))
    let value = String(header.dropFirst("Subject: ".count))
    #expect(MIMEHeader.decode(value) == subject)
    #expect(MIMEHeader.decode("=?UTF-8?Q?Fiabilit=C3=A9_?= =?UTF-8?B?4oCU?= x") == "Fiabilité — x")
  }

  @Test func asciiSubjectFoldsAtSpaces() {
    let subject = Array(repeating: "Reliability", count: 12).joined(separator: " ")
    let header = MIMEHeader.unstructured("Subject", subject)
    #expect(header.contains("\r\n "))
    for line in header.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    #expect(header.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + subject)
  }

  @Test func rfc5322Date() {
    // 2026-12-03 16:28:18 UTC
    #expect(
      MIMEHeader.date(Date(timeIntervalSince1970: 1_796_315_298))
        == "Thu, 03 Dec 2026 16:28:18 +0000")
  }

  @Test(arguments: [
    "ops@example.org\r\nBcc: victim@example.org", "a\nb@example.org", "no-at-sign.example.org",
    "two@@example.org",
    "space in@example.org", "ops@localhost", "<>", "Name <bad address@example.org>",
  ])
  func badAddressesAreRejected(_ text: String) {
    #expect(throws: FolioError.self) { try EmailAddress(text) }
  }

  @Test func addressesParseAndQuote() throws {
    let plain = try EmailAddress("ops@example.org")
    #expect(plain.header == "ops@example.org")
    #expect(plain.domain == "example.org")
    let named = try EmailAddress("Ops Team <ops@example.org>")
    #expect(named.header == "Ops Team <ops@example.org>")
    #expect(try EmailAddress("Smith, J. <j@example.org>").header == "\"Smith, J.\" <j@example.org>")
    #expect(try EmailAddress("Équipe Ops <ops@example.org>").header.hasPrefix("=?UTF-8?B?"))
  }
}
