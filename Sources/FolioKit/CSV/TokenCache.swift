#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Remembers what each distinct byte string of a column means, so that a value repeated a
/// million times (a date, a region, a service type) is parsed, checked and turned into a
/// `String` once.
///
/// An open-addressing hash table over the raw bytes, in raw memory (no exclusivity checks or
/// copy-on-write in the hot path); the entries keep the typed value, a number that stands for
/// it in keys (`ordinal`) and the problem, if the value is bad. After `limit` distinct values it
/// stops learning (a column of unique text would otherwise grow without bound) and `lookup`
/// returns nil for new values.
final class TokenCache {
  struct Entry {
    var value: CellValue
    var ordinal: Int64
    /// The message for a bad value (without the column name), or nil when it is fine.
    var problem: String?
  }

  private struct Span {
    var offset: Int
    var count: Int
    var hash: UInt64
  }

  private var entries: UnsafeMutablePointer<Entry>
  private var spans: UnsafeMutablePointer<Span>
  private var entryCapacity: Int
  private(set) var count = 0
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaCount = 0
  private var arenaCapacity: Int
  private var table: UnsafeMutablePointer<Int32>
  private var mask: Int
  private let limit: Int

  init(limit: Int = 65_536) {
    self.limit = limit
    entryCapacity = 16
    entries = .allocate(capacity: entryCapacity)
    spans = .allocate(capacity: entryCapacity)
    arenaCapacity = 256
    arena = .allocate(capacity: arenaCapacity)
    table = .allocate(capacity: 64)
    table.initialize(repeating: -1, count: 64)
    mask = 63
  }

  deinit {
    entries.deinitialize(count: count)
    entries.deallocate()
    spans.deallocate()
    arena.deallocate()
    table.deallocate()
  }

  /// A word-at-a-time multiplicative hash (a byte-at-a-time hash is latency-bound on its multiply chain).
  @inline(__always) private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let n = b.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
    guard let base = b.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= n {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 29
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(base[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    return h ^ (h >> 32)
  }

  /// The entry at an index `lookup` returned.
  @inline(__always) func entry(_ index: Int) -> UnsafePointer<Entry> { UnsafePointer(entries + index) }

  /// The index of the entry for these bytes, made with `make` the first time; nil when full.
  @inline(__always)
  func lookup(_ b: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>, Int) -> Entry) -> Int? {
    let h = Self.hash(b)
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let index = Int(table[slot])
      if index < 0 { break }
      let span = spans[index]
      if span.hash == h && span.count == b.count
        && (b.count == 0 || memcmp(arena + span.offset, b.baseAddress!, b.count) == 0)
      {
        return index
      }
      slot = (slot + 1) & mask
    }
    guard count < limit else { return nil }
    return add(b, hash: h, slot: slot, entry: make(b, count))
  }

  private func add(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt64, slot: Int, entry: Entry) -> Int {
    if count == entryCapacity {
      let newCapacity = entryCapacity * 2
      let newEntries = UnsafeMutablePointer<Entry>.allocate(capacity: newCapacity)
      newEntries.moveInitialize(from: entries, count: count)
      entries.deallocate()
      entries = newEntries
      let newSpans = UnsafeMutablePointer<Span>.allocate(capacity: newCapacity)
      newSpans.moveInitialize(from: spans, count: count)
      spans.deallocate()
      spans = newSpans
      entryCapacity = newCapacity
    }
    if arenaCount + b.count > arenaCapacity {
      let newCapacity = Swift.max(arenaCapacity * 2, arenaCount + b.count)
      let newArena = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      newArena.update(from: arena, count: arenaCount)
      arena.deallocate()
      arena = newArena
      arenaCapacity = newCapacity
    }
    if let base = b.baseAddress { (arena + arenaCount).update(from: base, count: b.count) }
    let index = count
    (entries + index).initialize(to: entry)
    spans[index] = Span(offset: arenaCount, count: b.count, hash: h)
    arenaCount += b.count
    count += 1
    table[slot] = Int32(index)
    if count * 2 > mask { grow() }
    return index
  }

  private func grow() {
    let size = (mask + 1) * 2
    table.deallocate()
    table = .allocate(capacity: size)
    table.initialize(repeating: -1, count: size)
    mask = size - 1
    for index in 0..<count {
      var slot = Int(truncatingIfNeeded: spans[index].hash) & mask
      while table[slot] >= 0 { slot = (slot + 1) & mask }
      table[slot] = Int32(index)
    }
  }
}
