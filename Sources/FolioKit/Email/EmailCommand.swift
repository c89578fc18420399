import Foundation

/// `folio email`: builds the edition if needed, then writes the executive
/// overview and the insights as an `.eml` (and an `.html` preview beside it).
public struct EmailCommand {
  public var layout: ProjectLayout
  public var month: String?
  public var out: URL
  public var to: [String] = []
  public var from: String?
  public var subject: String?
  public var quiet = false
  /// Pages the email carries, most important first (paths inside the edition).
  public var pages = ["index.html", "insights.html"]

  public init(layout: ProjectLayout, out: URL) {
    self.layout = layout
    self.out = out
  }

  @discardableResult
  public func run() throws -> EmailEdition.Output {
    var options = BuildOptions(layout: layout)
    options.month = month
    options.quiet = true
    let built = try SiteBuilder(options: options).run()
    guard let edition = built.editions.last ?? month else {
      throw FolioError(.email, "this project has no data, so there is no edition to email")
    }
    let config = try ProjectConfig.load(
      from: layout.config, displayPath: layout.display(layout.config), required: layout.configRequired)
    let editionDir = layout.output.appendingPathComponent(edition)
    let fragments = try pages.compactMap { page -> String? in
      let url = editionDir.appendingPathComponent(page)
      guard FileManager.default.fileExists(atPath: url.path) else { return nil }
      return EmailHTML.mainContent(of: try String(contentsOf: url, encoding: .utf8))
    }
    guard !fragments.isEmpty else {
      throw FolioError(.email, "the edition has none of \(pages.joined(separator: ", ")) to put in the email", path: layout.display(editionDir))
    }
    let recipients = to.isEmpty ? config.emailTo : to
    guard !recipients.isEmpty else {
      throw FolioError(.usage, "no recipients: pass --to ADDR (repeatable) or set email.to in folio.json")
    }
    let label = ValueFormat(.month).string(text: edition)
    let webURL = config.baseURL.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + edition + "/" }
    let message = EmailEdition(
      html: EmailHTML(title: config.title, edition: "Edition \(label)", webURL: webURL),
      from: from ?? config.emailFrom ?? "Folio <folio@localhost.localdomain>", to: recipients,
      subject: subject ?? config.emailSubject ?? "\(config.title) — \(label)",
      date: try Self.editionDate(editionDir: editionDir, month: edition))
    let output = try message.write(fragments: fragments, eml: out)
    if !quiet {
      Console.out(
        "wrote \(out.path) (\(ValueFormat(.int).string(Double(output.eml.count))) bytes, HTML part \(ValueFormat(.int).string(Double(output.encodedHTMLBytes))) bytes, \(output.message.images.count) charts) and its .html preview")
    }
    return output
  }

  /// The message date is the edition's, not the clock's, so the same edition
  /// gives the same bytes: the last day of data, at noon UTC.
  static func editionDate(editionDir: URL, month: String) throws -> Date {
    let db = try Database(path: editionDir.appendingPathComponent("data/report.sqlite").path, readOnly: true)
    let last = (try? db.query("SELECT MAX(date) FROM raw_performance_daily").scalar()?.text) ?? nil
    let day = last ?? month + "-01"
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = day.split(separator: "-").compactMap { Int($0) }
    let components = DateComponents(
      year: parts.first, month: parts.count > 1 ? parts[1] : 1, day: parts.count > 2 ? parts[2] : 1, hour: 12)
    return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
  }
}
