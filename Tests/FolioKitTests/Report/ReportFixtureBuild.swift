import Foundation

@testable import FolioKit

/// Builds the real report (templates/, pipeline/, assets/ of this repository)
/// over the hand-made data set in Fixtures/Report into a temporary folder, once
/// per edition month, and hands out the pages' HTML.
///
/// The data set: two agencies, two services, one region, three months
/// (2025-12 … 2026-02), six days a month. `Fixtures/Report/README.md` lists
/// every row's story and the figures computed from them by hand.
enum ReportFixtureBuild {
  static let repoRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = repoRoot.appendingPathComponent("Tests/FolioKitTests/Fixtures/Report")

  /// The default edition (latest month, 2026-02), and the 2026-01 and first (2025-12) editions.
  static let latest = Result { try build(month: nil) }
  static let january = Result { try build(month: "2026-01") }
  static let december = Result { try build(month: "2025-12") }

  /// Builds one edition and returns the edition folder.
  static func build(month: String?) throws -> URL {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-report-tests-\(month ?? "latest")-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: out)
    var options = BuildOptions(layout: ProjectLayout(root: repoRoot, data: fixtures, output: out))
    options.quiet = true
    options.force = true
    options.strict = true
    options.month = month
    let result = try SiteBuilder(options: options).run()
    guard let edition = result.editions.first else {
      throw FolioError(.render, "the fixture build produced no edition")
    }
    return out.appendingPathComponent(edition)
  }

  /// The HTML of one page of an edition.
  static func page(_ path: String, in edition: Result<URL, Error>) throws -> String {
    let url = try edition.get().appendingPathComponent(path)
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The text of each `<div class="card">`: label, value, delta, target, tags stripped.
  static func cards(_ html: String) -> [String] {
    html.components(separatedBy: "<div class=\"card\">").dropFirst().map { chunk in
      let card = chunk.components(separatedBy: "</div></div>").first ?? chunk
      return text(card)
    }
  }

  /// Tags stripped, whitespace collapsed, entities for & < > decoded.
  static func text(_ html: String) -> String {
    var out = ""
    var inTag = false
    for ch in html {
      if ch == "<" { inTag = true; out.append(" "); continue }
      if ch == ">" { inTag = false; continue }
      if !inTag { out.append(ch) }
    }
    out = out.replacingOccurrences(of: "&amp;", with: "&")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
    return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  /// The cells (as text) of the first table row whose text contains `marker`, after `heading`.
  static func row(_ html: String, after heading: String, containing marker: String) -> [String]? {
    guard let start = html.range(of: heading) else { return nil }
    let rest = html[start.upperBound...]
    for chunk in rest.components(separatedBy: "<tr>").dropFirst() {
      let row = chunk.components(separatedBy: "</tr>").first ?? chunk
      guard row.contains("<td") else { continue }
      let cells = row.components(separatedBy: "<td").dropFirst().map { cell -> String in
        let body = cell.drop { $0 != ">" }.dropFirst()
        return text(String(body.components(separatedBy: "</td>").first ?? ""))
      }
      if cells.contains(where: { $0.contains(marker) }) { return cells }
    }
    return nil
  }
}
