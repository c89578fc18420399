import Foundation

/// Writes Folio's synthetic sample data set: the six CSV files of SPEC §3 for
/// twelve made-up Irish public bodies, 36 months of daily performance ending 2026-11.
///
/// Deterministic: the same seed and rows give byte-identical files on every
/// platform. docs/sample-data.md lists the stories planted in the data.
public struct SampleGenerator: Sendable {
  public let seed: UInt64
  public let rows: Int?

  /// `rows` scales `performance_daily.csv` to about that many rows (for benchmarks);
  /// nil writes the realistic default.
  public init(seed: UInt64 = 42, rows: Int? = nil) {
    self.seed = seed
    self.rows = rows
  }

  /// The six file names, in the order they are written.
  public static let fileNames = [
    "agencies.csv", "services.csv", "regions.csv", "peak_periods.csv", "usage_monthly.csv", "performance_daily.csv",
  ]

  /// Creates `directory`, writes the six CSV files and returns file name → data rows.
  @discardableResult
  public func write(to directory: URL) throws -> [String: Int] {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw FolioError(.write, "cannot create folder: \(error.localizedDescription)", path: directory.path)
    }
    let layout = layout()
    let portfolio = SamplePortfolio(seed: seed, deploymentCount: layout.deployments)
    var counts: [String: Int] = [:]
    counts["agencies.csv"] = try writeAgencies(portfolio, to: directory.appendingPathComponent("agencies.csv"))
    counts["services.csv"] = try writeServices(to: directory.appendingPathComponent("services.csv"))
    counts["regions.csv"] = try writeRegions(to: directory.appendingPathComponent("regions.csv"))
    counts["peak_periods.csv"] = try writePeakPeriods(to: directory.appendingPathComponent("peak_periods.csv"))
    var model = SampleModel(seed: seed, portfolio: portfolio, firstDay: SampleCatalog.lastDay - layout.days + 1)
    counts["performance_daily.csv"] = try model.writePerformance(
      to: directory.appendingPathComponent("performance_daily.csv"))
    counts["usage_monthly.csv"] = try model.writeUsage(to: directory.appendingPathComponent("usage_monthly.csv"))
    return counts
  }

  /// How many deployments and days give about `rows` daily rows: as many days as
  /// the full window allows, spread over just enough deployments.
  func layout() -> (deployments: Int?, days: Int) {
    let fullDays = SampleCatalog.lastDay - SampleCatalog.firstDay + 1
    guard let rows else { return (nil, fullDays) }
    let wanted = max(1, rows)
    let deployments = (wanted + fullDays - 1) / fullDays
    let days = min(fullDays, max(1, Int((Double(wanted) / Double(deployments)).rounded())))
    return (deployments, days)
  }

  private func writeAgencies(_ portfolio: SamplePortfolio, to url: URL) throws -> Int {
    var out = try SampleCSVWriter(url: url, header: ["agency_id", "agency_name", "sector", "country", "country_code"])
    for agency in portfolio.agencies.sorted(by: { $0.id < $1.id }) {
      out.int(agency.id)
      out.text(agency.name)
      out.text(agency.sector)
      out.text(SampleCatalog.country)
      out.text(SampleCatalog.countryCode)
      try out.endRow()
    }
    try out.close()
    return out.rows
  }

  private func writeServices(to url: URL) throws -> Int {
    var out = try SampleCSVWriter(
      url: url,
      header: ["service_type", "service_name", "criticality", "sla_latency_ms", "sla_error_rate_pct", "slo_target_pct"])
    for service in SampleCatalog.services {
      out.text(service.type)
      out.text(service.name)
      out.text(service.criticality)
      out.fixed2(service.slaLatencyMs)
      out.fixed2(service.slaErrorRatePct)
      out.fixed2(service.sloTargetPct)
      try out.endRow()
    }
    try out.close()
    return out.rows
  }

  private func writeRegions(to url: URL) throws -> Int {
    var out = try SampleCSVWriter(url: url, header: ["aws_region", "region_name"])
    for region in SampleCatalog.regions {
      out.text(region.code)
      out.text(region.name)
      try out.endRow()
    }
    try out.close()
    return out.rows
  }

  private func writePeakPeriods(to url: URL) throws -> Int {
    var out = try SampleCSVWriter(url: url, header: ["name", "start_date", "end_date"])
    for period in SampleCatalog.peakPeriods.sorted(by: { ($0.start, $0.name) < ($1.start, $1.name) }) {
      out.text(period.name)
      out.text(SampleCalendar.dateText(period.start))
      out.text(SampleCalendar.dateText(period.end))
      try out.endRow()
    }
    try out.close()
    return out.rows
  }
}
