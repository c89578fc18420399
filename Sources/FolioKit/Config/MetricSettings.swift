/// Thresholds and weights of the KPIs (SPEC §5), with the SPEC values as defaults.
///
/// Stored in the database as `folio_config(key, value)` so the pipeline SQL
/// reads the very numbers the Methodology page prints.
public struct MetricSettings: Sendable, Equatable {
  /// One setting: its key in `folio.json` and `folio_config`, default and meaning.
  public struct Setting: Sendable {
    public let key: String
    public let defaultValue: Double
    public let range: ClosedRange<Double>
    public let meaning: String
  }

  public static let settings: [Setting] = [
    Setting(key: "response_time_headroom", defaultValue: 1.5, range: 1...10,
            meaning: "response_time_score reaches 0 at this multiple of the SLA latency"),
    Setting(key: "utilisation_band_low", defaultValue: 50, range: 1...99,
            meaning: "lower edge (%) of the healthy utilisation band"),
    Setting(key: "utilisation_band_high", defaultValue: 75, range: 1...99,
            meaning: "upper edge (%) of the healthy utilisation band"),
    Setting(key: "stability_weight_response_time", defaultValue: 0.4, range: 0...1,
            meaning: "weight of the mean daily response_time_score in stability"),
    Setting(key: "stability_weight_error_rate", defaultValue: 0.3, range: 0...1,
            meaning: "weight of (100 − monthly error rate) in stability"),
    Setting(key: "stability_weight_utilisation", defaultValue: 0.3, range: 0...1,
            meaning: "weight of utilisation_score in stability"),
    Setting(key: "risk_weight_sla_breach", defaultValue: 0.35, range: 0...1,
            meaning: "weight of the SLA breach rate in the risk score"),
    Setting(key: "risk_weight_stability", defaultValue: 0.25, range: 0...1,
            meaning: "weight of (100 − stability) in the risk score"),
    Setting(key: "risk_weight_utilisation", defaultValue: 0.20, range: 0...1,
            meaning: "weight of (100 − utilisation_score) in the risk score"),
    Setting(key: "risk_weight_tagging", defaultValue: 0.20, range: 0...1,
            meaning: "weight of (100 − tagging compliance) in the risk score"),
    Setting(key: "risk_window_months", defaultValue: 12, range: 1...120,
            meaning: "calendar months, ending with the edition month, behind the risk score"),
    Setting(key: "cost_spike_min_pct", defaultValue: 25, range: 0...10_000,
            meaning: "a cost spike rises at least this many percent over the previous month"),
    Setting(key: "cost_spike_min_usd", defaultValue: 1000, range: 0...1e12,
            meaning: "... and at least this many USD"),
    Setting(key: "waste_utilisation_pct", defaultValue: 20, range: 0...100,
            meaning: "usage rows below this utilisation (%) count as cloud waste"),
  ]

  /// Current values by key; every key of `settings` is present.
  public private(set) var values: [String: Double]

  public init(overrides: [String: Double] = [:]) {
    var values: [String: Double] = [:]
    for s in Self.settings { values[s.key] = s.defaultValue }
    for (k, v) in overrides { values[k] = v }
    self.values = values
  }

  public subscript(key: String) -> Double { values[key] ?? .nan }

  /// Checks keys, ranges and that each weight group sums to 1.
  public static func validated(_ overrides: [String: Double], path: String) throws -> MetricSettings {
    let known = Dictionary(uniqueKeysWithValues: settings.map { ($0.key, $0) })
    for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
      guard let setting = known[key] else {
        throw FolioError(
          .config,
          "unknown metric setting '\(key)'; known: \(settings.map(\.key).joined(separator: ", "))",
          path: path)
      }
      guard setting.range.contains(value) else {
        throw FolioError(
          .config, "metric setting '\(key)' = \(value) is outside \(setting.range)", path: path)
      }
    }
    let result = MetricSettings(overrides: overrides)
    for prefix in ["stability_weight_", "risk_weight_"] {
      let sum = result.values.filter { $0.key.hasPrefix(prefix) }.map(\.value).reduce(0, +)
      if abs(sum - 1) > 1e-9 {
        throw FolioError(.config, "the \(prefix)* settings must sum to 1, not \(sum)", path: path)
      }
    }
    if result["utilisation_band_low"] > result["utilisation_band_high"] {
      throw FolioError(.config, "utilisation_band_low must not exceed utilisation_band_high", path: path)
    }
    return result
  }
}
