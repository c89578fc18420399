/// What earlier files of one ingest run leave for later ones: key maps for references,
/// agencies' countries, usage keys for performance rows, warnings.
final class IngestState {
  /// Per referenced file (single-column key): key value → dense index in load order.
  var keyMaps: [String: [CellValue: Int32]] = [:]
  /// agency_id → (country, country_code) from agencies.csv.
  var agencyCountries: [Int64: (country: String, code: String)] = [:]
  /// Agencies already warned about a country mismatch (one warning per agency).
  var countryWarned: Set<Int64> = []
  /// Usage rows by (agency_id, service, region, yyyymm), for performance rows.
  var usageIndex: UsageIndex?
  var warnings: [String] = []
}

/// A compact composite key: up to four numbers that stand for the key columns' values.
struct RowKey: Equatable {
  var a: Int64
  var b: Int64
  var c: Int64
  var d: Int64

}
