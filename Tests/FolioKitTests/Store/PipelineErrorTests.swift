import Foundation
import Testing

@testable import FolioKit

@Suite struct PipelineErrorTests {
  @Test func sqlErrorNamesFileLineAndColumn() throws {
    let db = try Database()
    let script = """
      -- a comment
      CREATE TABLE t (a INTEGER);

      SELECT a, missing_column
      FROM t;
      """
    let error = #expect(throws: FolioError.self) {
      try db.executeScript(script, path: "pipeline/20_x.sql")
    }
    #expect(error?.description == """
      pipeline/20_x.sql:4:11: SQLite: no such column: missing_column
          SELECT a, missing_column
      """)
  }

  @Test func runtimeErrorPointsAtTheStatement() throws {
    let db = try Database()
    let script = "CREATE TABLE t (a INTEGER PRIMARY KEY);\nINSERT INTO t VALUES (1);\n  INSERT INTO t VALUES (1);\n"
    let error = #expect(throws: FolioError.self) { try db.executeScript(script, path: "p.sql") }
    #expect(error?.line == 3)
    #expect(error?.column == 3)
    #expect(error?.message == "SQLite: UNIQUE constraint failed: t.a")
  }

  @Test func metricSettingsRejectTyposAndBadWeights() throws {
    #expect(throws: FolioError.self) { try MetricSettings.validated(["cost_spike_pct": 10], path: "folio.json") }
    let error = #expect(throws: FolioError.self) {
      try MetricSettings.validated(["risk_weight_tagging": 0.3], path: "folio.json")
    }
    #expect(error?.message.hasPrefix("the risk_weight_* settings must sum to 1") == true)
    let ok = try MetricSettings.validated(["cost_spike_min_usd": 500], path: "folio.json")
    #expect(ok["cost_spike_min_usd"] == 500)
    #expect(ok["cost_spike_min_pct"] == 25)
  }

  @Test func configFileParses() throws {
    let json = #"{"title": "Ministry", "metrics": {"waste_utilisation_pct": 15}, "email": {"to": ["a@b.c"]}}"#
    let config = try ProjectConfig.parse(Data(json.utf8), displayPath: "folio.json")
    #expect(config.title == "Ministry")
    #expect(config.metrics["waste_utilisation_pct"] == 15)
    #expect(config.emailTo == ["a@b.c"])
    let bad = #expect(throws: FolioError.self) {
      try ProjectConfig.parse(Data(#"{"titel": "x"}"#.utf8), displayPath: "folio.json")
    }
    #expect(bad?.description == "folio.json: unknown key 'titel'; known: title, metrics, base_url, email")
  }
}
