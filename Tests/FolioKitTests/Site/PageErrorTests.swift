import Foundation
import Testing

@testable import FolioKit

/// Broken page sources → the exact message an analyst sees.
@Suite struct PageErrorTests {
  static let cases: [(String, String, String)] = [
    (
      "unknown query",
      "# T\n\n```table data=agencys\n```\n",
      "templates/pages/index.md:3:15: unknown query 'agencys'; this page defines no queries (a `sql NAME` block must come before its use)\n    ```table data=agencys"
    ),
    (
      "unknown column lists the columns",
      "```sql q\nSELECT agency_id, agency_name FROM dim_agency\n```\n\n```table data=q columns=agency\n```\n",
      "templates/pages/index.md:5:25: query has no column 'agency'; its columns: agency_id, agency_name\n    ```table data=q columns=agency"
    ),
    (
      "SQL error points into the block",
      "# T\n\n```sql q\nSELECT agency_id,\n       nonsense\nFROM dim_agency\n```\n",
      "templates/pages/index.md:5:8: SQL: no such column: nonsense\n           nonsense"
    ),
    (
      "page SQL is read-only",
      "```sql q\nDELETE FROM dim_agency\n```\n",
      "templates/pages/index.md:2:1: page SQL may only read (SELECT / WITH); this statement would change the database\n    DELETE FROM dim_agency"
    ),
    (
      "unknown option",
      "```sql q\nSELECT 1 AS a\n```\n```table data=q colour=red\n```\n",
      "templates/pages/index.md:4:17: unknown option 'colour' for `table`; known: data, columns, limit, bad, good, bars, spark, link, caption, class\n    ```table data=q colour=red"
    ),
    (
      "unknown chart type",
      "```sql q\nSELECT 1 AS a\n```\n```chart pie data=q x=a y=a\n```\n",
      "templates/pages/index.md:4:4: unknown chart type 'pie'; known: line, bar, scatter, heatmap, sparkline, bullet\n    ```chart pie data=q x=a y=a"
    ),
    (
      "unknown bound parameter",
      "```sql q\nSELECT * FROM dim_agency WHERE agency_id = :agency\n```\n",
      "templates/pages/index.md:2:1: SQL: unknown parameter :agency; available: :edition_month, :month, :prev_month, :trend_start, :window_start, :year_ago_month\n    SELECT * FROM dim_agency WHERE agency_id = :agency"
    ),
    (
      "bad format",
      "```sql q\nSELECT 1 AS a\n```\n```card data=q value=a format=percent\n```\n",
      "templates/pages/index.md:4:31: unknown format 'percent'; use one of num, int, pct, ms, usd, si, delta, deltapp, date, month, text with an optional :decimals\n    ```card data=q value=a format=percent"
    ),
    (
      "query names stay plain",
      "```sql ../x\nSELECT 1\n```\n",
      "templates/pages/index.md:1:8: query name '../x' must be letters, digits and _ (starting with a letter)\n    ```sql ../x"
    ),
    (
      "unknown layout",
      "---\nlayout: wide\n---\n# T\n",
      "templates/pages/index.md:2: unknown layout 'wide'; templates/layouts/ has \n    layout: wide"
    ),
  ]

  @Test(arguments: cases.indices)
  func brokenPageGivesExactMessage(index: Int) throws {
    let (name, source, expected) = Self.cases[index]
    let p = try TestProject()
    try p.write("templates/pages/index.md", source)
    let error = #expect(throws: FolioError.self, "\(name)") { try p.build() }
    #expect(error?.description == expected, "\(name)")
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let p = try TestProject()
    try p.write("templates/pages/index.md", "```sql unused\nSELECT 1\n```\n\nHello {{nobody}}.\n")
    let result = try p.build()
    #expect(result.warnings.count == 2)
    #expect(throws: FolioError.self) { try p.build(strict: true) }
  }
}
