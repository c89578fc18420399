import Foundation

/// An RFC 5322 / MIME message, written byte for byte deterministically:
/// `multipart/alternative` → text/plain, then `multipart/related` → HTML + PNG parts.
public struct EmailMessage: Sendable {
  public var from: String
  public var to: [String]
  public var subject: String
  public var date: Date
  public var text: String
  public var html: String
  public var images: [InlineImage]

  public init(
    from: String, to: [String], subject: String, date: Date, text: String, html: String,
    images: [InlineImage] = []
  ) {
    self.from = from
    self.to = to
    self.subject = subject
    self.date = date
    self.text = text
    self.html = html
    self.images = images
  }

  /// The quoted-printable HTML body exactly as written (its size is what Gmail measures).
  public var encodedHTML: String { QuotedPrintable.encode(html) }

  /// The whole message with CRLF line endings, ready for `sendmail -t -i < report.eml`.
  public func bytes() throws -> Data {
    let sender = try EmailAddress(from)
    guard !to.isEmpty else {
      throw FolioError(.email, "the message needs at least one recipient (--to ADDR)")
    }
    let recipients = try to.map { try EmailAddress($0) }
    try MIMEHeader.checkValue(subject, field: "Subject")
    for image in images {
      try MIMEHeader.checkValue(image.cid, field: "Content-ID")
      try MIMEHeader.checkValue(image.filename, field: "Content-Disposition")
      guard
        image.cid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._@".contains($0)) })
      else {
        throw FolioError(.email, "content id '\(image.cid)' may only hold letters, digits and -._@")
      }
      guard
        image.filename.allSatisfy({
          $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0))
        })
      else {
        throw FolioError(
          .email, "image file name '\(image.filename)' may only hold letters, digits and -._")
      }
    }

    let textBody = QuotedPrintable.encode(text)
    let htmlBody = encodedHTML
    let imageBodies = images.map { Base64Lines.encode($0.png) }

    var hasher = SHA256()
    for piece in [
      sender.header, recipients.map(\.header).joined(separator: ","), subject,
      MIMEHeader.date(date), textBody, htmlBody,
    ] {
      hasher.update(Array(piece.utf8))
      hasher.update([0])
    }
    for (image, body) in zip(images, imageBodies) {
      hasher.update(Array(image.cid.utf8))
      hasher.update(Array(body.utf8))
    }
    let digest = hasher.finalizeHex()
    let bodies = [textBody, htmlBody] + imageBodies
    let outer = Self.boundary("alt", digest: digest, avoiding: bodies)
    let inner = Self.boundary("rel", digest: digest, avoiding: bodies)

    var lines: [String] = []
    lines.append("Date: " + MIMEHeader.date(date))
    lines.append(MIMEHeader.fold("From: " + sender.header))
    lines.append(MIMEHeader.fold("To: " + recipients.map(\.header).joined(separator: ", ")))
    lines.append(MIMEHeader.unstructured("Subject", subject))
    lines.append("Message-ID: <" + digest.prefix(32) + ".folio@" + sender.domain + ">")
    lines.append("MIME-Version: 1.0")
    lines.append("Content-Type: multipart/alternative;\r\n boundary=\"" + outer + "\"")
    lines.append("")
    lines.append("This is a multi-part message in MIME format.")
    lines.append("--" + outer)
    lines.append("Content-Type: text/plain; charset=utf-8")
    lines.append("Content-Transfer-Encoding: quoted-printable")
    lines.append("")
    var message = lines.joined(separator: "\r\n") + "\r\n" + textBody
    lines = []
    lines.append("--" + outer)
    lines.append(
      "Content-Type: multipart/related; type=\"text/html\";\r\n boundary=\"" + inner + "\"")
    lines.append("")
    lines.append("--" + inner)
    lines.append("Content-Type: text/html; charset=utf-8")
    lines.append("Content-Transfer-Encoding: quoted-printable")
    lines.append("")
    message += lines.joined(separator: "\r\n") + "\r\n" + htmlBody
    for (image, body) in zip(images, imageBodies) {
      lines = []
      lines.append("--" + inner)
      lines.append("Content-Type: image/png")
      lines.append("Content-Transfer-Encoding: base64")
      lines.append("Content-ID: <" + image.cid + ">")
      lines.append("Content-Disposition: inline; filename=\"" + image.filename + "\"")
      lines.append("")
      message += lines.joined(separator: "\r\n") + "\r\n" + body
    }
    message += "--" + inner + "--\r\n"
    message += "--" + outer + "--\r\n"
    try Self.checkLines(message)
    return Data(message.utf8)
  }

  /// `=_folio_<hash>_alt`: `=_` never occurs in quoted-printable or base64 output;
  /// the search still checks every body and adds a counter if a line matches.
  static func boundary(_ role: String, digest: String, avoiding bodies: [String]) -> String {
    var n = 0
    while true {
      let candidate = "=_folio_" + digest.prefix(24) + "_" + role + (n == 0 ? "" : "\(n)")
      if !bodies.contains(where: { $0.contains("--" + candidate) }) { return candidate }
      n += 1
    }
  }

  /// RFC 5322 §2.1.1: no line may exceed 998 characters, and only CRLF ends a line.
  static func checkLines(_ message: String) throws {
    for (n, line) in message.utf8.split(separator: 10, omittingEmptySubsequences: false)
      .enumerated()
    {
      if line.count > 999 {
        throw FolioError(
          .email,
          "line \(n + 1) of the message is \(line.count - 1) characters long (the limit is 998)")
      }
    }
  }
}
