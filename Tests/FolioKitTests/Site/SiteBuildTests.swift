import Foundation
import Testing

@testable import FolioKit

/// Whole-site builds of tiny projects, asserting on the files written.
@Suite struct SiteBuildTests {
  static let page = """
    ---
    title: Overview
    order: 1
    ---
    # Month {{edition.label}}

    ```sql agencies
    SELECT a.agency_name, k.stability_score, k.sla_breach_rate_pct
    FROM kpi_stability_monthly k JOIN dim_agency a USING (agency_id)
    WHERE k.month_key = :month ORDER BY a.agency_id
    ```

    The most stable agency is {{agencies.0.agency_name}} at {{agencies.0.stability_score | num:1}}.

    ```table data=agencies columns="agency_name:Agency, sla_breach_rate_pct:Breach rate:pct:1" bad="sla_breach_rate_pct>10"
    ```

    ```sql org
    SELECT month_key, stability_score, sla_breach_rate_pct FROM kpi_org_monthly ORDER BY month_key
    ```

    ```card data=org row=1 value=sla_breach_rate_pct label="Breach rate" compare=sla_breach_rate_pct down-is-good
    ```

    ```chart line data=org x=month_key y=stability_score title="Stability"
    ```
    """

  @Test func buildsAnEditionWithTablesCardsChartsAndCSV() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", Self.page)
    let result = try p.build()
    #expect(result.editions == ["2026-02"])
    let html = try p.read("2026-02/index.html")
    #expect(html.contains("<h1 id=\"month-feb-2026\">Month Feb 2026</h1>"))
    // Data values are escaped: the agency name holds < and >.
    #expect(html.contains("The most stable agency is Revenue &lt;Office&gt; at 99.7."))
    #expect(!html.contains("Revenue <Office>"))
    #expect(html.contains("<td>Revenue &lt;Office&gt;</td><td class=\"num\">0.0%</td>"))
    #expect(html.contains("<svg"))
    #expect(html.contains("href=\"index.agencies.csv\""))
    let csv = try p.read("2026-02/index.agencies.csv")
    #expect(csv.hasPrefix("agency_name,stability_score,sla_breach_rate_pct\nRevenue <Office>,"))
    #expect(p.exists("2026-02/data/report.sqlite"))
    #expect(p.exists("2026-02/assets/site.css"))
    #expect(p.exists("latest/index.html"))
    let archive = try p.read("index.html")
    #expect(archive.contains("href=\"2026-02/index.html\""))
    #expect(p.exists("build-summary.json"))
  }

  @Test func editionMonthMovesTheFigures() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", Self.page)
    try p.build(month: "2026-01")
    let html = try p.read("2026-01/index.html")
    // January: agency 1 breaches every day (p95 300 > 200 ms).
    #expect(html.contains("<td class=\"num bad\">100.0%</td>"))
    // The January edition's database holds nothing after January.
    let db = try Database(path: p.output.appendingPathComponent("2026-01/data/report.sqlite").path, readOnly: true)
    #expect(try db.query("SELECT MAX(date) FROM raw_performance_daily").scalar() == .text("2026-01-03"))
  }

  @Test func identicalInputsGiveIdenticalBytes() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", Self.page)
    let a = p.root.appendingPathComponent("out-a")
    let b = p.root.appendingPathComponent("out-b")
    try p.build(output: a)
    try p.build(output: b)
    let skip: Set<String> = ["build-summary.json"]
    let sa = try TestProject.snapshot(a, skipping: skip)
    let sb = try TestProject.snapshot(b, skipping: skip)
    #expect(sa.keys.sorted() == sb.keys.sorted())
    for (path, data) in sa where !path.hasSuffix(".sqlite") && !path.hasPrefix(".folio") {
      #expect(sb[path] == data, "\(path) differs")
    }
  }

  @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", Self.page)
    try p.build()
    let before = try TestProject.snapshot(p.output)
    try p.write("templates/pages/index.md", "```table data=nope\n```\n")
    #expect(throws: FolioError.self) { try p.build() }
    #expect(try TestProject.snapshot(p.output) == before)
  }

  @Test func badDataWritesNothing() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", "# Hi\n")
    try p.write("data/regions.csv", "aws_region,region_name\neu-west-1,Ireland\neu-west-1,Dup\n")
    #expect(throws: (any Error).self) { try p.build() }
    #expect(!FileManager.default.fileExists(atPath: p.output.appendingPathComponent("2026-02").path))
  }

  @Test func quarantineSetsBadRowsAsideAndGoesOn() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", "# Hi\n")
    let perf = try String(contentsOf: p.root.appendingPathComponent("data/performance_daily.csv"), encoding: .utf8)
    try p.write("data/performance_daily.csv", perf + "2026-02-04,1,web,eu-west-1,10,20,1,1\n")
    let result = try p.build(badRows: .quarantine)
    #expect(result.rejectedRows == 1)
    let rejects = try p.read("2026-02/data/rejects/performance_daily.csv")
    #expect(rejects.contains("2026-02-04,1,web,eu-west-1,10,20,1,1"))
    #expect(rejects.hasPrefix("date,agency_id,service_type,aws_region,request_count,error_count,avg_latency_ms,p95_latency_ms,reason"))
  }

  @Test func unchangedRebuildDoesNothingAndTemplateChangeSkipsThePipeline() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", Self.page)
    try p.build(force: false)
    let page = p.output.appendingPathComponent("2026-02/index.html")
    let stamp = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
    let again = try p.build(force: false)
    #expect(again.upToDate)
    #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date == stamp)
    // A template edit re-renders from the previous database.
    try p.write("templates/pages/index.md", Self.page + "\nEdited.\n")
    let edited = try p.build(force: false)
    #expect(!edited.upToDate)
    #expect(try p.read("2026-02/index.html").contains("<p>Edited.</p>"))
  }

  @Test func theFingerprintTakenFromIngestMatchesOneTakenFromTheFiles() throws {
    // A fresh build takes the data files' hashes from ingest instead of reading them twice.
    let p = try TestProject()
    try p.write("templates/pages/index.md", Self.page)
    try p.build(force: false)
    let saved = try #require(BuildState.load(from: p.output)).fingerprint
    let fromFiles = try InputFingerprint.compute(
      layout: ProjectLayout(root: p.root), settings: saved.settings, previous: nil)
    #expect(saved.data.count == 6)
    #expect(saved == fromFiles)
  }

  @Test func earlierEditionsAreKeptAndTheArchiveListsThemNewestFirst() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", Self.page)
    try p.build(month: "2026-01")
    try p.build(month: "2026-02")
    #expect(p.exists("2026-01/index.html"))
    let archive = try p.read("index.html")
    let feb = try #require(archive.range(of: "2026-02/index.html"))
    let jan = try #require(archive.range(of: "2026-01/index.html"))
    #expect(feb.lowerBound < jan.lowerBound)
  }

  @Test func allMonthsBuildsEveryEdition() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", "# {{edition.month}}\n")
    let result = try p.build(allMonths: true)
    #expect(result.editions == ["2026-01", "2026-02"])
    #expect(try p.read("2026-01/index.html").contains(">2026-01</h1>"))
  }

  @Test func eachPageRendersOncePerRowWithRelativeLinks() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", "# Home\n")
    try p.write(
      "templates/pages/agency.md",
      """
      ---
      title: Agency
      each: SELECT agency_id, agency_name FROM dim_agency ORDER BY agency_id
      slug: agency_name
      ---
      ```sql me
      SELECT agency_name FROM dim_agency WHERE agency_id = :agency_id
      ```
      Agency {{me.0.agency_name}} ({{row.agency_id}}).
      """)
    try p.build()
    let page = try p.read("2026-02/agency/revenue-office.html")
    #expect(page.contains("Agency Revenue &lt;Office&gt; (1)."))
    #expect(page.contains("href=\"../assets/folio.css\""))
    #expect(p.exists("2026-02/agency/licensing.html"))
  }

  @Test func plainMarkdownSiteWithoutData() throws {
    let p = try TestProject(data: false)
    try p.write("templates/pages/index.md", "---\ntitle: Home\n---\n# Hello *world*\n")
    try p.write("templates/pages/docs/guide.md", "# Guide\n")
    let result = try p.build()
    #expect(result.editions.isEmpty)
    #expect(try p.read("index.html").contains("<h1 id=\"hello-world\">Hello <em>world</em></h1>"))
    #expect(try p.read("docs/guide.html").contains("href=\"../index.html\""))
    #expect(p.exists("assets/site.css"))
  }
}
