import Foundation

/// The email edition end to end: page fragments in, `.eml` bytes and a browser preview out.
public struct EmailEdition: Sendable {
  /// Gmail clips an HTML body past about 102 KB; we stay under 102,000 encoded bytes.
  public static let defaultHTMLLimit = 102_000

  public var html: EmailHTML
  public var from: String
  public var to: [String]
  public var subject: String
  /// The Date header; pass the edition's own date so output is reproducible.
  public var date: Date
  public var htmlLimit: Int

  public init(
    html: EmailHTML, from: String, to: [String], subject: String, date: Date,
    htmlLimit: Int = EmailEdition.defaultHTMLLimit
  ) {
    self.html = html
    self.from = from
    self.to = to
    self.subject = subject
    self.date = date
    self.htmlLimit = htmlLimit
  }

  /// What `render` produced.
  public struct Output: Sendable {
    public var message: EmailMessage
    /// The complete `.eml` file.
    public var eml: Data
    /// The same HTML for a browser, images as files in `imageFolder` beside it.
    public var previewHTML: String
    /// Name of the folder (relative to the preview file) the preview's PNGs live in.
    public var imageFolder: String
    /// Quoted-printable size of the HTML part in bytes.
    public var encodedHTMLBytes: Int
  }

  /// Renders the fragments (inner HTML of `<main>` of each page, most important first).
  /// Throws when the encoded HTML would exceed `htmlLimit`, naming the size: the
  /// email should carry the overview and insights, not the whole site.
  public func render(fragments: [String], previewName: String = "report") throws -> Output {
    let result = try html.render(fragments: fragments)
    let message = EmailMessage(
      from: from, to: to, subject: subject, date: date, text: result.text, html: result.html,
      images: result.images)
    let encodedSize = message.encodedHTML.utf8.count
    guard encodedSize <= htmlLimit else {
      throw FolioError(
        .email,
        "the email's HTML part is \(encodedSize) bytes encoded, over the \(htmlLimit)-byte limit (Gmail clips larger messages); put fewer pages or shorter tables in the email"
      )
    }
    let eml = try message.bytes()
    let folder = previewName + "-images"
    var preview = result.html
    for image in result.images {
      preview = preview.replacingOccurrences(
        of: "\"cid:" + image.cid + "\"", with: "\"" + folder + "/" + image.filename + "\"")
    }
    return Output(
      message: message, eml: eml, previewHTML: preview, imageFolder: folder,
      encodedHTMLBytes: encodedSize)
  }

  /// Writes `report.eml`, `report.html` beside it and the preview's PNGs in `report-images/`.
  @discardableResult
  public func write(fragments: [String], eml url: URL) throws -> Output {
    let base = url.deletingPathExtension().lastPathComponent
    let output = try render(fragments: fragments, previewName: base)
    let dir = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try output.eml.write(to: url, options: .atomic)
      try Data(output.previewHTML.utf8).write(
        to: dir.appendingPathComponent(base + ".html"), options: .atomic)
      let images = dir.appendingPathComponent(output.imageFolder)
      if !output.message.images.isEmpty {
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
      }
      for image in output.message.images {
        try image.png.write(to: images.appendingPathComponent(image.filename), options: .atomic)
      }
    } catch let error as FolioError {
      throw error
    } catch {
      throw FolioError(
        .email, "could not write the email: \(error.localizedDescription)", path: url.path)
    }
    return output
  }
}
