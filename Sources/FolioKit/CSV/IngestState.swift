/// What earlier files of one ingest run leave for later ones: key maps for references,
/// agencies' countries, usage keys for performance rows, warnings.
final class IngestState {
  /// Per referenced file (single-column key): key value → dense index in load order.
  var keyMaps: [String: [CellValue: Int32]] = [:]
  /// agency_id → (country, country_code) from agencies.csv.
  var agencyCountries: [Int64: (country: String, code: String)] = [:]
  /// Agencies already warned about a country mismatch (one warning per agency).
  var countryWarned: Set<Int64> = []
  /// Keys (agency_id, service, region, yyyymm) of accepted usage rows.
  var usageKeys: [RowKey: Int32] = [:]
  var warnings: [String] = []
}

/// A compact composite key: up to four numbers that stand for the key columns' values.
struct RowKey: Hashable {
  var a: Int64
  var b: Int64
  var c: Int64
  var d: Int64

  func hash(into hasher: inout Hasher) {
    // One mixed word is enough for a hash table, and cheaper than feeding four to SipHash.
    var x = UInt64(bitPattern: a) &* 0x9E37_79B9_7F4A_7C15
    x = (x ^ UInt64(bitPattern: b)) &* 0xBF58_476D_1CE4_E5B9
    x = (x ^ UInt64(bitPattern: c)) &* 0x94D0_49BB_1331_11EB
    x = (x ^ UInt64(bitPattern: d)) &* 0x9E37_79B9_7F4A_7C15
    hasher.combine(x ^ (x >> 31))
  }
}
