/// One service of one agency in one region: the unit that has a row per day in
/// `performance_daily.csv` and a row per month in `usage_monthly.csv`.
struct SampleDeployment: Sendable {
  var agency: Int  // index into the portfolio's agencies
  var service: Int  // index into SampleCatalog.services
  var region: Int  // index into SampleCatalog.regions
  /// Weekday requests at the start of the window, before season and growth.
  var baseRequests: Double
  /// Typical p95 latency as a share of the service's SLA threshold (before migration).
  var p95Share: Double
  /// Typical error rate as a share of the service's SLA error threshold.
  var errorShare: Double
  /// Request multiplier at the end of tax season, and during the holiday peak.
  var taxBoost: Double
  var holidayBoost: Double
  var resources: Double
  /// USD per compute hour.
  var hourlyRate: Double
  var storageGB: Double
  var kilobytesPerRequest: Double

  /// A stable number for seeding this deployment's random streams.
  func key(agencyID: Int) -> UInt64 {
    UInt64(agencyID) << 16 | UInt64(service) << 8 | UInt64(region)
  }
}
