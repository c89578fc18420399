/// A hash set of composite row keys that remembers the line each key was first seen on.
///
/// Open addressing over raw memory with a cheap multiplicative mix: a million keys cost a few
/// tens of milliseconds, where `Dictionary` (seeded SipHash, exclusivity checks) costs ten times that.
final class KeyTable {
  private var keys: UnsafeMutablePointer<RowKey>
  /// Line + 1 per slot; 0 marks an empty slot.
  private var lines: UnsafeMutablePointer<Int32>
  private var ids: UnsafeMutablePointer<Int32>
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int = 1024) {
    var size = 64
    while size < capacity * 2 { size <<= 1 }
    keys = .allocate(capacity: size)
    lines = .allocate(capacity: size)
    lines.initialize(repeating: 0, count: size)
    ids = .allocate(capacity: size)
    mask = size - 1
  }

  deinit {
    keys.deallocate()
    lines.deallocate()
    ids.deallocate()
  }

  @inline(__always) private static func slot(_ key: RowKey, _ mask: Int) -> Int {
    var x = UInt64(bitPattern: key.a) &* 0x9E37_79B9_7F4A_7C15
    x = (x ^ UInt64(bitPattern: key.b)) &* 0xBF58_476D_1CE4_E5B9
    x = (x ^ UInt64(bitPattern: key.c)) &* 0x94D0_49BB_1331_11EB
    x = (x ^ UInt64(bitPattern: key.d)) &* 0x9E37_79B9_7F4A_7C15
    // A product's low bits depend only on its inputs' low bits: fold the well-mixed high half in.
    x ^= x >> 32
    x = x &* 0xD6E8_FEB8_6659_FD93
    return Int(truncatingIfNeeded: x >> 32) & mask
  }

  /// The insertion number (0, 1, 2, ...) of a key, or nil when it is not in the table.
  func id(of key: RowKey) -> Int? {
    var s = Self.slot(key, mask)
    while lines[s] != 0 {
      if keys[s] == key { return Int(ids[s]) }
      s = (s + 1) & mask
    }
    return nil
  }

  /// Adds the key with its line unless present; returns the earlier line when it was present.
  func insert(_ key: RowKey, line: Int) -> Int? {
    var s = Self.slot(key, mask)
    while lines[s] != 0 {
      if keys[s] == key { return Int(lines[s]) - 1 }
      s = (s + 1) & mask
    }
    (keys + s).initialize(to: key)
    lines[s] = Int32(truncatingIfNeeded: line + 1)
    ids[s] = Int32(truncatingIfNeeded: count)
    count += 1
    if count * 2 > mask { grow() }
    return nil
  }

  private func grow() {
    let oldKeys = keys
    let oldLines = lines
    let oldIds = ids
    let oldSize = mask + 1
    let size = oldSize * 2
    keys = .allocate(capacity: size)
    lines = .allocate(capacity: size)
    lines.initialize(repeating: 0, count: size)
    ids = .allocate(capacity: size)
    mask = size - 1
    for s in 0..<oldSize where oldLines[s] != 0 {
      var t = Self.slot(oldKeys[s], mask)
      while lines[t] != 0 { t = (t + 1) & mask }
      (keys + t).initialize(to: oldKeys[s])
      lines[t] = oldLines[s]
      ids[t] = oldIds[s]
    }
    oldKeys.deallocate()
    oldLines.deallocate()
    oldIds.deallocate()
  }
}
