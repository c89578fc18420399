import Foundation

@testable import FolioKit

/// A tiny hand-made data set loaded straight into raw tables, then the real
/// `pipeline/` SQL run over it — so each KPI can be checked against numbers
/// computed by hand.
final class PipelineFixture {
  let db: Database
  var usage: [String] = []
  var performance: [String] = []
  var peaks: [String] = []
  var services = ["('web', 'Web portal', 'critical', 200, 2, 90)"]
  var agencies = ["(1, 'Revenue', 'finance', 'Ireland', 'IE')", "(2, 'Licensing', 'transport', 'Ireland', 'IE')"]
  var taggedColumn = true

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  init() throws {
    db = try Database()
  }

  /// A usage row; `tagged` nil leaves tagged_resource_count NULL.
  func addUsage(
    agency: Int = 1, month: String, service: String = "web", region: String = "eu-west-1",
    utilisation: Double = 60, cost: Double = 100, status: String = "post_migration",
    resources: Int = 10, tagged: Int? = 10
  ) {
    usage.append(
      "(\(agency), 'Ireland', 'IE', '\(month)', '\(service)', 1, 1, 1, \(utilisation), \(cost), '\(region)', '\(status)', \(resources), \(tagged.map(String.init) ?? "NULL"))"
    )
  }

  func addDay(
    agency: Int = 1, date: String, service: String = "web", region: String = "eu-west-1",
    requests: Int, errors: Int, avg: Double = 100, p95: Double
  ) {
    performance.append("('\(date)', \(agency), '\(service)', '\(region)', \(requests), \(errors), \(avg), \(p95))")
  }

  /// Loads the rows and runs the pipeline for `edition`.
  func run(edition: String, settings: MetricSettings = MetricSettings()) throws {
    try db.execute(
      """
      CREATE TABLE raw_agencies (agency_id INTEGER, agency_name TEXT, sector TEXT, country TEXT, country_code TEXT);
      CREATE TABLE raw_services (service_type TEXT, service_name TEXT, criticality TEXT, sla_latency_ms REAL, sla_error_rate_pct REAL, slo_target_pct REAL);
      CREATE TABLE raw_regions (aws_region TEXT, region_name TEXT);
      CREATE TABLE raw_peak_periods (name TEXT, start_date TEXT, end_date TEXT);
      CREATE TABLE raw_usage_monthly (agency_id INTEGER, country TEXT, country_code TEXT, month TEXT, service_type TEXT, compute_hours REAL, storage_gb REAL, data_egress_gb REAL, utilisation_pct REAL, cost_usd REAL, aws_region TEXT, migration_status TEXT, resource_count INTEGER, tagged_resource_count INTEGER);
      CREATE TABLE raw_performance_daily (date TEXT, agency_id INTEGER, service_type TEXT, aws_region TEXT, request_count INTEGER, error_count INTEGER, avg_latency_ms REAL, p95_latency_ms REAL);
      INSERT INTO raw_regions VALUES ('eu-west-1', 'Ireland'), ('eu-central-1', 'Frankfurt');
      INSERT INTO raw_agencies VALUES \(agencies.joined(separator: ", "));
      INSERT INTO raw_services VALUES \(services.joined(separator: ", "));
      """)
    if !peaks.isEmpty { try db.execute("INSERT INTO raw_peak_periods VALUES \(peaks.joined(separator: ", "))") }
    if !usage.isEmpty { try db.execute("INSERT INTO raw_usage_monthly VALUES \(usage.joined(separator: ", "))") }
    if !performance.isEmpty {
      try db.execute("INSERT INTO raw_performance_daily VALUES \(performance.joined(separator: ", "))")
    }
    let pipeline = try Pipeline.load(
      from: Self.repositoryRoot.appendingPathComponent("pipeline"), displayPath: "pipeline")
    try pipeline.run(on: db, editionMonth: edition, settings: settings)
  }

  /// All rows of a query as dictionaries keyed by column name.
  func rows(_ sql: String) throws -> [[String: SQLValue]] {
    let result = try db.query(sql)
    return result.rows.map { Dictionary(uniqueKeysWithValues: zip(result.columns, $0)) }
  }

  func double(_ sql: String) throws -> Double? {
    try db.query(sql).scalar()?.double
  }
}
