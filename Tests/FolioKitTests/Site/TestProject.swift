import Foundation

@testable import FolioKit

/// A tiny Folio project in a temporary folder: a few CSV rows, the real
/// pipeline SQL, and pages written by the test.
final class TestProject {
  let root: URL
  var output: URL { root.appendingPathComponent("output") }

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  init(data: Bool = true) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    if data {
      try write("data/agencies.csv", "agency_id,agency_name,sector,country,country_code\n1,Revenue <Office>,Finance,Ireland,IE\n2,Licensing,Transport,Ireland,IE\n")
      try write("data/services.csv", "service_type,service_name,criticality,sla_latency_ms,sla_error_rate_pct,slo_target_pct\nweb,Web portal,critical,200,2,90\n")
      try write("data/regions.csv", "aws_region,region_name\neu-west-1,Ireland\n")
      try write("data/peak_periods.csv", "name,start_date,end_date\nTax,2026-01-01,2026-01-31\n")
      var usage = "agency_id,country,country_code,month,service_type,compute_hours,storage_gb,data_egress_gb,utilisation_pct,cost_usd,aws_region,migration_status,resource_count,tagged_resource_count\n"
      var perf = "date,agency_id,service_type,aws_region,request_count,error_count,avg_latency_ms,p95_latency_ms\n"
      for agency in 1...2 {
        for (month, status) in [("2026-01", "pre_migration"), ("2026-02", "post_migration")] {
          usage += "\(agency),Ireland,IE,\(month),web,10,10,10,60,1000,eu-west-1,\(status),10,8\n"
          for day in 1...3 {
            let p95 = agency == 1 && month == "2026-01" ? 300 : 100
            perf += "\(month)-0\(day),\(agency),web,eu-west-1,100,1,100,\(p95)\n"
          }
        }
      }
      try write("data/usage_monthly.csv", usage)
      try write("data/performance_daily.csv", perf)
      try FileManager.default.createDirectory(at: root.appendingPathComponent("pipeline"), withIntermediateDirectories: true)
      for file in try FileManager.default.contentsOfDirectory(atPath: Self.repositoryRoot.appendingPathComponent("pipeline").path) {
        try FileManager.default.copyItem(
          at: Self.repositoryRoot.appendingPathComponent("pipeline/\(file)"),
          to: root.appendingPathComponent("pipeline/\(file)"))
      }
    }
    try write("assets/site.css", "body { color: black; }\n")
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ path: String) throws -> String {
    try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
  }

  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
  }

  @discardableResult
  func build(month: String? = nil, force: Bool = true, output: URL? = nil, strict: Bool = false,
             badRows: BadRowPolicy = .fail, allMonths: Bool = false) throws -> SiteBuilder.Result {
    var options = BuildOptions(layout: ProjectLayout(root: root, output: output))
    options.month = month
    options.force = force
    options.quiet = true
    options.strict = strict
    options.badRows = badRows
    options.allMonths = allMonths
    return try SiteBuilder(options: options).run()
  }

  /// Every file below `dir` (relative path → bytes), for byte-for-byte comparisons.
  static func snapshot(_ dir: URL, skipping: Set<String> = []) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try InputFingerprint.files(under: dir) where !skipping.contains(path) {
      files[path] = try Data(contentsOf: dir.appendingPathComponent(path))
    }
    return files
  }
}
