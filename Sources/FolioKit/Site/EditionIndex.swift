import Foundation

/// The archive: `output/index.html` lists every edition present, newest first,
/// with its headline figures, read from each edition's `edition.json`.
enum EditionIndex {
  /// Headline figures of one edition.
  struct Headline: Codable, Equatable {
    var month: String
    var stabilityScore: Double?
    var slaBreachRatePct: Double?
    var avgLatencyMs: Double?
    var errorRatePct: Double?
  }

  /// `YYYY-MM` folders of `output`, newest first.
  static func editions(in output: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
    return names.filter { BuildOptions.validMonth($0) }.sorted(by: >)
  }

  /// Writes `edition.json` from `kpi_org_monthly` when the pipeline made it.
  static func writeEditionFile(month: String, database: URL, into edition: URL) throws {
    var headline = Headline(month: month)
    let db = try Database(path: database.path, readOnly: true)
    let hasTable = try db.query(
      "SELECT 1 FROM sqlite_master WHERE name = 'kpi_org_monthly'").rows.isEmpty == false
    if hasTable {
      let statement = try db.prepare(
        "SELECT stability_score, sla_breach_rate_pct, avg_latency_ms, error_rate_pct FROM kpi_org_monthly WHERE month_key = ?")
      try statement.bind(.text(month), at: 1)
      if let row = try statement.all().rows.first {
        headline.stabilityScore = row[0].double
        headline.slaBreachRatePct = row[1].double
        headline.avgLatencyMs = row[2].double
        headline.errorRatePct = row[3].double
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    try FileManager.default.createDirectory(at: edition, withIntermediateDirectories: true)
    try encoder.encode(headline).write(to: edition.appendingPathComponent("edition.json"))
  }

  static func writeArchive(output: URL, title: String) throws {
    let months = editions(in: output)
    let rows = months.map { month -> String in
      let file = output.appendingPathComponent("\(month)/edition.json")
      let h = FileManager.default.contents(atPath: file.path)
        .flatMap { try? JSONDecoder().decode(Headline.self, from: $0) } ?? Headline(month: month)
      let label = ValueFormat(.month).string(text: month)
      return """
            <tr><td><a href="\(month)/index.html">\(esc(label))</a></td>\
        <td class="num">\(ValueFormat(.num, decimals: 1).string(h.stabilityScore))</td>\
        <td class="num">\(ValueFormat(.pct, decimals: 1).string(h.slaBreachRatePct))</td>\
        <td class="num">\(ValueFormat(.ms).string(h.avgLatencyMs))</td>\
        <td class="num">\(ValueFormat(.pct, decimals: 2).string(h.errorRatePct))</td></tr>
        """
    }
    let newest = months.first
    let css = newest.map { "<link rel=\"stylesheet\" href=\"\($0)/assets/folio.css\">" } ?? ""
    let lead =
      newest.map {
        "<p class=\"lead\">Latest edition: <a href=\"\($0)/index.html\">\(esc(ValueFormat(.month).string(text: $0)))</a> · <a href=\"latest/index.html\">always-latest link</a></p>"
      } ?? "<p>No editions yet.</p>"
    let html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(title)) — editions</title>
      \(css)
      </head>
      <body class="archive">
      <main class="page">
      <h1>\(esc(title))</h1>
      \(lead)
      <table class="data-table">
      <thead><tr><th>Edition</th><th class="num">Stability</th><th class="num">SLA breach rate</th><th class="num">Avg latency</th><th class="num">Error rate</th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody>
      </table>
      </main>
      </body>
      </html>

      """
    try Data(html.utf8).write(to: output.appendingPathComponent("index.html"), options: .atomic)
  }

  private static func esc(_ text: String) -> String { HTMLEscaping.escapeText(text) }
}
