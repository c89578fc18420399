/// Remembers what each distinct byte string of a column means, so that a value repeated a
/// million times (a date, a region, a service type) is parsed, checked and turned into a
/// `String` once.
///
/// An open-addressing hash table over the raw bytes; the entries keep the typed value, a
/// number that stands for it in keys (`ordinal`) and the problem, if the value is bad. After
/// `limit` distinct values it stops learning (a column of unique text would otherwise grow
/// without bound) and `lookup` returns nil for new values.
final class TokenCache {
  struct Entry {
    var value: CellValue
    var ordinal: Int64
    /// The message for a bad value (without the column name), or nil when it is fine.
    var problem: String?
  }

  private(set) var entries: [Entry] = []
  private var arena: [UInt8] = []
  private var spans: [(offset: Int, count: Int, hash: UInt64)] = []
  private var table: [Int32]
  private var mask: Int
  private let limit: Int

  init(limit: Int = 65_536) {
    self.limit = limit
    table = [Int32](repeating: -1, count: 64)
    mask = 63
  }

  @inline(__always) static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in b { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return h ^ (h >> 29)
  }

  /// The entry for these bytes, made with `make` the first time; nil when the cache is full.
  @inline(__always)
  func lookup(_ b: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Entry) -> Int? {
    let h = Self.hash(b)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let index = Int(table[slot])
      if index < 0 { break }
      let span = spans[index]
      if span.hash == h && span.count == b.count && equal(span.offset, b) { return index }
      slot = (slot + 1) & mask
    }
    guard entries.count < limit else { return nil }
    let index = entries.count
    entries.append(make(b))
    spans.append((arena.count, b.count, h))
    arena.append(contentsOf: b)
    table[slot] = Int32(index)
    if entries.count * 2 > table.count { grow() }
    return index
  }

  private func equal(_ offset: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    arena.withUnsafeBufferPointer { a in
      for k in 0..<b.count where a[offset + k] != b[k] { return false }
      return true
    }
  }

  private func grow() {
    table = [Int32](repeating: -1, count: table.count * 2)
    mask = table.count - 1
    for (index, span) in spans.enumerated() {
      var slot = Int(truncatingIfNeeded: span.hash) & mask
      while table[slot] >= 0 { slot = (slot + 1) & mask }
      table[slot] = Int32(index)
    }
  }
}
