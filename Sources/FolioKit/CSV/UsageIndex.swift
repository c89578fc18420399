/// Finds the usage row a performance row belongs to, fast enough for millions of lookups.
///
/// (agency, service, region) → group through a small hash table that stays in cache, then
/// month → usage row through a dense array per group. When the months span too far for a
/// dense array, it falls back to one hash table over the whole key.
final class UsageIndex {
  private let groups = KeyTable(capacity: 64)
  private var firstMonth: Int64 = 0
  private var span = 0
  private var cells: UnsafeMutablePointer<Int32>?
  private let whole = KeyTable(capacity: 64)
  /// Number of usage rows.
  let count: Int

  /// Indexes usage keys (agency, service, region, yyyymm); a key's row number is its position.
  init(keys: [RowKey]) {
    count = keys.count
    guard !keys.isEmpty else { return }
    let months = keys.map { Self.monthNumber($0.d) }
    firstMonth = months.min() ?? 0
    span = Int((months.max() ?? 0) - firstMonth + 1)
    var groupOf: [Int] = []
    for key in keys {
      let group = RowKey(a: key.a, b: key.b, c: key.c, d: 0)
      groupOf.append(groups.insert(group, line: 0) == nil ? groups.count - 1 : groups.id(of: group) ?? 0)
    }
    if groups.count * span <= 1 << 24 {
      let size = groups.count * span
      let cells = UnsafeMutablePointer<Int32>.allocate(capacity: size)
      cells.initialize(repeating: -1, count: size)
      for (row, group) in groupOf.enumerated() {
        cells[group * span + Int(months[row] - firstMonth)] = Int32(row)
      }
      self.cells = cells
    } else {
      for (row, key) in keys.enumerated() { _ = whole.insert(key, line: row) }
    }
  }

  deinit { cells?.deallocate() }

  @inline(__always) private static func monthNumber(_ yyyymm: Int64) -> Int64 {
    (yyyymm / 100) * 12 + yyyymm % 100 - 1
  }

  /// The usage row for agency, service, region (their ordinals) and month (yyyymm), if any.
  @inline(__always) func row(_ agency: Int64, _ service: Int64, _ region: Int64, _ yyyymm: Int64) -> Int? {
    guard let cells else { return whole.id(of: RowKey(a: agency, b: service, c: region, d: yyyymm)) }
    guard let group = groups.id(of: RowKey(a: agency, b: service, c: region, d: 0)) else { return nil }
    let month = Self.monthNumber(yyyymm) - firstMonth
    guard month >= 0, month < Int64(span) else { return nil }
    let row = cells[group * span + Int(month)]
    return row >= 0 ? Int(row) : nil
  }
}
