import Foundation
import Testing

@testable import FolioKit

@Suite("Email message")
struct EmailMessageTests {
  static let png = Data(
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<300).map { UInt8($0 % 251) })

  func sample(subject: String = "Fiabilité — novembre 2026") -> EmailMessage {
    EmailMessage(
      from: "Folio Reports <reports@example.org>",
      to: ["cio@example.org", "Ops Team <ops@example.org>"],
      subject: subject, date: Date(timeIntervalSince1970: 1_796_315_298),
      text: "Stability score: 95.8\nSLA breach rate: 2.7% (▼ -0.1 pp)\n",
      html:
        "<html><body><p>Stability \u{2014} 95.8</p><img src=\"cid:chart-1@folio\" width=\"600\" height=\"300\" alt=\"x\"><img src=\"cid:chart-2@folio\" alt=\"y\">"
        + String(repeating: "<p>long line of html content</p>", count: 80) + "</body></html>\n",
      images: [
        InlineImage(cid: "chart-1@folio", filename: "chart-1.png", png: Self.png),
        InlineImage(
          cid: "chart-2@folio", filename: "chart-2.png", png: Self.png + Data([1, 2, 3])),
      ])
  }

  @Test func structureParsesBack() throws {
    let bytes = try sample().bytes()
    let root = try EmailParser.parse(bytes)
    #expect(root.header("MIME-Version") == "1.0")
    #expect(root.header("Date") == "Thu, 03 Dec 2026 16:28:18 +0000")
    #expect(root.header("From") == "Folio Reports <reports@example.org>")
    #expect(
      root.header("To")?.replacingOccurrences(of: "\r\n", with: "")
        == "cio@example.org, Ops Team <ops@example.org>")
    #expect(MIMEHeader.decode(root.header("Subject") ?? "") == "Fiabilité — novembre 2026")
    let messageID = try #require(root.header("Message-ID"))
    #expect(messageID.hasPrefix("<") && messageID.hasSuffix("@example.org>"))

    #expect(root.mediaType == "multipart/alternative")
    #expect(root.parts.map(\.mediaType) == ["text/plain", "multipart/related"])
    let text = root.parts[0]
    #expect(text.parameter("charset") == "utf-8")
    #expect(text.header("Content-Transfer-Encoding") == "quoted-printable")
    #expect(text.decodedText == "Stability score: 95.8\r\nSLA breach rate: 2.7% (▼ -0.1 pp)")
    let related = root.parts[1]
    #expect(related.parameter("type") == "text/html")
    #expect(related.parts.map(\.mediaType) == ["text/html", "image/png", "image/png"])
    let html = related.parts[0].decodedText
    #expect(html.contains("Stability \u{2014} 95.8"))

    // Every cid: reference resolves to a part, and every image part is referenced.
    let cids = Set(
      related.parts.dropFirst().compactMap { $0.header("Content-ID") }.map {
        String($0.dropFirst().dropLast())
      })
    let referenced = Set(
      html.components(separatedBy: "src=\"cid:").dropFirst().map {
        String($0.prefix { $0 != "\"" })
      })
    #expect(referenced == ["chart-1@folio", "chart-2@folio"])
    #expect(cids == referenced)
    for part in related.parts.dropFirst() {
      #expect(part.decodedBody.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
      #expect(part.header("Content-Disposition")?.hasPrefix("inline; filename=\"chart-") == true)
    }
    #expect(related.parts[1].decodedBody == Self.png)
  }

  @Test func linesAreCRLFAndShort() throws {
    let bytes = try sample().bytes()
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(EmailTestSupport.onlyCRLF(text))
    #expect(text.hasSuffix("\r\n"))
    let lines = text.components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 998 })
    // Every line is ≤ 78 (headers) or ≤ 76 (bodies); all ASCII.
    #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines.filter { $0.utf8.count > 78 })")
    #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    let root = try EmailParser.parse(bytes)
    for leaf in root.leaves {
      for line in leaf.rawBody.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 76) }
    }
  }

  @Test func boundariesAreDeterministicAndAbsentFromBodies() throws {
    let a = try sample().bytes()
    let b = try sample().bytes()
    #expect(a == b)
    let root = try EmailParser.parse(a)
    let outer = try #require(root.parameter("boundary"))
    let inner = try #require(root.parts[1].parameter("boundary"))
    #expect(outer != inner)
    for leaf in root.leaves {
      #expect(!leaf.rawBody.contains(outer))
      #expect(!leaf.rawBody.contains(inner))
    }
    let other = try sample(subject: "Another month").bytes()
    #expect(try EmailParser.parse(other).parameter("boundary") != outer)
  }

  @Test func boundarySearchSkipsACollision() {
    let digest = String(repeating: "a", count: 64)
    let first = EmailMessage.boundary("alt", digest: digest, avoiding: [])
    let second = EmailMessage.boundary(
      "alt", digest: digest, avoiding: ["x\r\n--" + first + "\r\n"])
    #expect(second != first)
    #expect(second.hasPrefix(first))
  }

  @Test func headerInjectionIsRejected() {
    var message = sample(subject: "Report\r\nBcc: everyone@example.org")
    #expect(throws: FolioError.self) { try message.bytes() }
    message = sample()
    message.to = ["cio@example.org\nBcc: x@example.org"]
    #expect(throws: FolioError.self) { try message.bytes() }
    message = sample()
    message.images[0].cid = "chart\r\n1"
    #expect(throws: FolioError.self) { try message.bytes() }
    message = sample()
    message.to = []
    #expect(throws: FolioError.self) { try message.bytes() }
  }

  @Test func manyRecipientsFoldAndRoundTrip() throws {
    var message = sample()
    message.to = (1...12).map { "Executive Number \($0) <exec\($0)@ministry.example.org>" }
    let root = try EmailParser.parse(try message.bytes())
    let to = try #require(root.header("To"))
    #expect(to.contains("\r\n "))
    #expect(to.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    let unfolded = to.replacingOccurrences(of: "\r\n", with: "")
    #expect(unfolded.components(separatedBy: ", ").count == 12)
    #expect(unfolded.hasSuffix("Executive Number 12 <exec12@ministry.example.org>"))
  }

  @Test func encodedWordLookalikeSubjectIsEncoded() throws {
    let root = try EmailParser.parse(try sample(subject: "=?UTF-8?B?eA==?= literal").bytes())
    #expect(MIMEHeader.decode(root.header("Subject") ?? "") == "=?UTF-8?B?eA==?= literal")
  }
}
