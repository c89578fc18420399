/// The fixed reference data of the sample: services, regions, peak periods and
/// the window the daily data covers.
enum SampleCatalog {
  /// A row of `services.csv`.
  struct Service: Sendable {
    var type: String
    var name: String
    var criticality: String
    var slaLatencyMs: Double
    var slaErrorRatePct: Double
    var sloTargetPct: Double
  }

  /// A row of `regions.csv`.
  struct Region: Sendable {
    var code: String
    var name: String
  }

  /// A row of `peak_periods.csv`; `kind` drives the load model.
  struct PeakPeriod: Sendable {
    enum Kind: Sendable { case taxSeason, holiday }
    var name: String
    var kind: Kind
    var start: Int
    var end: Int
  }

  static let country = "Ireland"
  static let countryCode = "IE"

  /// The last day of the daily data: the default edition is 2026-11.
  static let lastDay = SampleCalendar.dayNumber(year: 2026, month: 11, day: 30)
  /// 36 months, 2023-12-01 … 2026-11-30.
  static let firstDay = SampleCalendar.dayNumber(year: 2023, month: 12, day: 1)

  /// Critical services get the tightest thresholds and the highest SLO targets.
  static let services: [Service] = [
    Service(type: "appointments", name: "Appointment Booking", criticality: "low", slaLatencyMs: 2000, slaErrorRatePct: 5, sloTargetPct: 85),
    Service(type: "benefits_claims", name: "Benefits Claims", criticality: "high", slaLatencyMs: 1200, slaErrorRatePct: 2, sloTargetPct: 92),
    Service(type: "identity_verification", name: "Identity Verification (MyGovID)", criticality: "critical", slaLatencyMs: 700, slaErrorRatePct: 1, sloTargetPct: 95),
    Service(type: "licensing", name: "Licence Applications & Renewals", criticality: "high", slaLatencyMs: 1000, slaErrorRatePct: 2, sloTargetPct: 92),
    Service(type: "payments", name: "Payments Gateway", criticality: "critical", slaLatencyMs: 600, slaErrorRatePct: 1, sloTargetPct: 95),
    Service(type: "permits", name: "Permits, Grants & Consents", criticality: "medium", slaLatencyMs: 1500, slaErrorRatePct: 3, sloTargetPct: 90),
    Service(type: "records_search", name: "Public Records Search", criticality: "medium", slaLatencyMs: 1200, slaErrorRatePct: 3, sloTargetPct: 90),
    Service(type: "tax_filing", name: "Online Tax Filing", criticality: "critical", slaLatencyMs: 800, slaErrorRatePct: 1, sloTargetPct: 95),
  ]

  static let regions: [Region] = [
    Region(code: "eu-central-1", name: "Europe (Frankfurt)"),
    Region(code: "eu-north-1", name: "Europe (Stockholm)"),
    Region(code: "eu-west-1", name: "Europe (Ireland)"),
    Region(code: "eu-west-2", name: "Europe (London)"),
  ]

  /// Tax season runs to the 30 April filing deadline; the holiday peak is the
  /// December rush of benefit and payment traffic before Christmas.
  static let peakPeriods: [PeakPeriod] = {
    var periods: [PeakPeriod] = []
    for year in 2023...2025 {
      periods.append(
        PeakPeriod(
          name: "Holiday peak \(year)", kind: .holiday,
          start: SampleCalendar.dayNumber(year: year, month: 12, day: 1),
          end: SampleCalendar.dayNumber(year: year, month: 12, day: 24)))
      periods.append(
        PeakPeriod(
          name: "Tax season \(year + 1)", kind: .taxSeason,
          start: SampleCalendar.dayNumber(year: year + 1, month: 1, day: 1),
          end: SampleCalendar.dayNumber(year: year + 1, month: 4, day: 30)))
    }
    return periods
  }()

  static func serviceIndex(_ type: String) -> Int {
    services.firstIndex { $0.type == type } ?? 0
  }

  static func regionIndex(_ code: String) -> Int {
    regions.firstIndex { $0.code == code } ?? 0
  }
}
