import Foundation

/// Reads a generated sample folder back and lists every broken rule of SPEC §3,
/// so that a test can assert the list is empty and show what went wrong.
struct SampleChecks {
  var agencies: SampleTable
  var services: SampleTable
  var regions: SampleTable
  var peaks: SampleTable
  var usage: SampleTable
  var performance: SampleTable

  init(folder: URL) throws {
    agencies = try SampleTable(url: folder.appendingPathComponent("agencies.csv"))
    services = try SampleTable(url: folder.appendingPathComponent("services.csv"))
    regions = try SampleTable(url: folder.appendingPathComponent("regions.csv"))
    peaks = try SampleTable(url: folder.appendingPathComponent("peak_periods.csv"))
    usage = try SampleTable(url: folder.appendingPathComponent("usage_monthly.csv"))
    performance = try SampleTable(url: folder.appendingPathComponent("performance_daily.csv"))
  }

  static let headers: [String: [String]] = [
    "agencies": ["agency_id", "agency_name", "sector", "country", "country_code"],
    "services": ["service_type", "service_name", "criticality", "sla_latency_ms", "sla_error_rate_pct", "slo_target_pct"],
    "regions": ["aws_region", "region_name"],
    "peaks": ["name", "start_date", "end_date"],
    "usage": [
      "agency_id", "country", "country_code", "month", "service_type", "compute_hours", "storage_gb", "data_egress_gb",
      "utilisation_pct", "cost_usd", "aws_region", "migration_status", "resource_count", "tagged_resource_count",
    ],
    "performance": [
      "date", "agency_id", "service_type", "aws_region", "request_count", "error_count", "avg_latency_ms",
      "p95_latency_ms",
    ],
  ]

  /// `YYYY-MM-DD` with a month 1–12 and a day 1–31 (checked by hand: a regex per row is slow in debug builds).
  static func isDate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[2].count == 2, let day = Int(parts[2]) else { return false }
    return isMonth(parts[0] + "-" + parts[1]) && (1...31).contains(day)
  }

  static func isMonth(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, Int(parts[0]) != nil, let month = Int(parts[1])
    else { return false }
    return (1...12).contains(month)
  }

  /// Every rule broken, as readable lines (empty = all good).
  func problems() -> [String] {
    var problems: [String] = []
    func check(_ ok: Bool, _ message: @autoclosure () -> String) {
      if !ok && problems.count < 50 { problems.append(message()) }
    }
    let tables = ["agencies": agencies, "services": services, "regions": regions, "peaks": peaks, "usage": usage, "performance": performance]
    for (name, table) in tables {
      check(table.header == Self.headers[name], "\(name): header \(table.header)")
      for row in table.rows { check(row.count == table.header.count, "\(name): row width \(row)") }
    }
    let agencyIDs = Set(agencies.rows.map { $0[0] })
    check(agencyIDs.count == agencies.rows.count, "duplicate agency_id")
    for row in agencies.rows { check(Int(row[0]) != nil && !row[1].isEmpty, "agency \(row)") }
    let slas = Dictionary(uniqueKeysWithValues: services.rows.map { ($0[0], (Double($0[3]) ?? -1, Double($0[4]) ?? -1)) })
    check(slas.count == services.rows.count, "duplicate service_type")
    for row in services.rows {
      check(["critical", "high", "medium", "low"].contains(row[2]), "criticality \(row)")
      check((Double(row[3]) ?? 0) > 0, "sla_latency_ms \(row)")
      check((0...100).contains(Double(row[4]) ?? -1), "sla_error_rate_pct \(row)")
      let slo = Double(row[5]) ?? 0
      check(slo > 0 && slo <= 100, "slo_target_pct \(row)")
    }
    let regionCodes = Set(regions.rows.map { $0[0] })
    check(regionCodes.count == regions.rows.count, "duplicate aws_region")
    for row in peaks.rows {
      check(Self.isDate(row[1]) && Self.isDate(row[2]) && row[1] <= row[2], "peak period \(row)")
    }
    var usageKeys = Set<String>()
    for row in usage.rows {
      let key = "\(row[0])|\(row[4])|\(row[10])|\(row[3])"
      check(usageKeys.insert(key).inserted, "duplicate usage key \(key)")
      check(agencyIDs.contains(row[0]), "usage: unknown agency \(row[0])")
      check(slas[row[4]] != nil, "usage: unknown service \(row[4])")
      check(regionCodes.contains(row[10]), "usage: unknown region \(row[10])")
      check(Self.isMonth(row[3]), "usage: month \(row[3])")
      for column in [5, 6, 7, 9] { check((Double(row[column]) ?? -1) >= 0, "usage: \(usage.header[column]) \(row)") }
      check((0...100).contains(Double(row[8]) ?? -1), "usage: utilisation_pct \(row)")
      check(["pre_migration", "migrating", "post_migration"].contains(row[11]), "usage: migration_status \(row)")
      let resources = Int(row[12]) ?? -1, tagged = Int(row[13]) ?? -1
      check(resources >= 0 && tagged >= 0 && tagged <= resources, "usage: resource/tagged counts \(row)")
    }
    var performanceKeys = Set<String>()
    for row in performance.rows {
      let key = "\(row[0])|\(row[1])|\(row[2])|\(row[3])"
      check(performanceKeys.insert(key).inserted, "duplicate performance key \(key)")
      check(Self.isDate(row[0]), "performance: date \(row)")
      check(usageKeys.contains("\(row[1])|\(row[2])|\(row[3])|\(row[0].prefix(7))"), "performance without usage row \(row)")
      let requests = Int(row[4]) ?? -1, errors = Int(row[5]) ?? -1
      check(requests >= 0 && errors >= 0 && errors <= requests, "performance: counts \(row)")
      let avg = Double(row[6]) ?? -1, p95 = Double(row[7]) ?? -1
      check(avg >= 0 && p95 >= avg, "performance: latencies \(row)")
    }
    // Stable order: (date, agency_id, service_type, aws_region), usage by month first.
    func ordered(_ rows: [[String]], _ key: ([String]) -> (String, Int, String, String)) -> Bool {
      zip(rows, rows.dropFirst()).allSatisfy { pair in
        let (a, b) = (key(pair.0), key(pair.1))
        return (a.0, a.1, a.2, a.3) < (b.0, b.1, b.2, b.3)
      }
    }
    check(ordered(performance.rows) { ($0[0], Int($0[1]) ?? 0, $0[2], $0[3]) }, "performance rows out of order")
    check(ordered(usage.rows) { ($0[3], Int($0[0]) ?? 0, $0[4], $0[10]) }, "usage rows out of order")
    return problems
  }
}
