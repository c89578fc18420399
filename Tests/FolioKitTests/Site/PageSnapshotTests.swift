import Foundation
import Testing

@testable import FolioKit

/// Golden HTML for representative pages, compared line by line; re-record
/// with `FOLIO_RECORD=1 swift test --filter PageSnapshotTests`.
@Suite struct PageSnapshotTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots/Pages")

  static func check(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1" {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? html.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("missing golden \(name): run with FOLIO_RECORD=1 to record it", sourceLocation: sourceLocation)
      return
    }
    if golden != html {
      Issue.record(Comment(rawValue: "\(name) differs:\n" + ChartSnapshot.diff(golden, html)), sourceLocation: sourceLocation)
    }
  }

  /// A tiny project's page: text values, a table, a card and a chart, in the built-in layout.
  @Test func smallProjectOverview() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", SiteBuildTests.page)
    try p.build()
    Self.check(try p.read("2026-02/index.html"), named: "small-overview.html")
  }

  /// The flagship report's overview and insights over the hand-made report fixture.
  @Test func reportOverviewAndInsights() throws {
    Self.check(try ReportFixtureBuild.page("index.html", in: ReportFixtureBuild.latest), named: "report-overview.html")
    Self.check(try ReportFixtureBuild.page("insights.html", in: ReportFixtureBuild.latest), named: "report-insights.html")
  }
}
