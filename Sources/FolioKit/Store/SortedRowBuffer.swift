import CSQLite

/// Holds a table's rows until the end of its file, then hands them out in key order.
///
/// Sorting here costs little (1M performance rows: 0.03 s) where asking SQLite to sort
/// them costs over a second. Rows are kept compactly, eight bytes and a tag per value with
/// each column's text numbered once, because a million rows of `CellValue`s (192 MB of
/// reference-counted strings) cost more to keep than the sort saves. Each key column's values
/// are numbered as they arrive; at the end the numbers become ranks in SQLite's order
/// (integers by value, text by bytes, as the BINARY collation compares) and, when they fit,
/// are packed with the row number into one `UInt64` per row, so the sort compares integers.
final class SortedRowBuffer {
  /// One stored value: its kind and eight bytes (an integer, a double's bits, a text's number).
  private struct Cell: Hashable {
    var tag: UInt8
    var bits: UInt64
    static let null = Cell(tag: 0, bits: 0)
  }

  /// What `append` changes, kept in one value: `append` takes it out of the object, changes
  /// it and puts it back, so Swift checks exclusive access once per row instead of once per
  /// array access (those checks were a third of the time ingest spent here).
  private struct Storage {
    /// Every row's values, row after row: eight bytes and a tag each.
    var bits: [UInt64] = []
    var tags: [UInt8] = []
    /// Per column, its distinct texts in arrival order, and the number of each.
    var texts: [[String]] = []
    var textNumbers: [[String: UInt64]] = []
    var recentTexts: [[(String, UInt64)]] = []
    /// Per key column: distinct value → its arrival number.
    var keyNumbersByCell: [[Cell: Int32]] = []
    /// Per row and key column, the value's arrival number.
    var keyNumbers: [Int32] = []
    /// Per key column, the last value seen and its number (neighbouring rows mostly share one).
    var lastKeys: [Cell?] = []
    var lastNumbers: [Int32] = []
    var count = 0

    mutating func append(_ row: [CellValue], width: Int, keyColumns: [Int]) {
      let base = bits.count
      for i in 0..<width {
        let cell = i < row.count ? cell(row[i], column: i) : .null
        bits.append(cell.bits)
        tags.append(cell.tag)
      }
      for j in 0..<keyColumns.count {
        let key = Cell(tag: tags[base + keyColumns[j]], bits: bits[base + keyColumns[j]])
        if key != lastKeys[j] {
          lastKeys[j] = key
          if let n = keyNumbersByCell[j][key] {
            lastNumbers[j] = n
          } else {
            lastNumbers[j] = Int32(keyNumbersByCell[j].count)
            keyNumbersByCell[j][key] = lastNumbers[j]
          }
        }
        keyNumbers.append(lastNumbers[j])
      }
      count += 1
    }

    private mutating func cell(_ value: CellValue, column: Int) -> Cell {
      switch value {
      case .null: return .null
      case .int(let v): return Cell(tag: 1, bits: UInt64(bitPattern: v))
      case .double(let v): return Cell(tag: 2, bits: v.bitPattern)
      case .text(let s):
        // A column's last few texts are compared before hashing: a date, a service or a region
        // comes back within a few rows, and comparing equal strings costs less than hashing.
        for (text, n) in recentTexts[column] where text == s { return Cell(tag: 3, bits: n) }
        let n: UInt64
        if let known = textNumbers[column][s] {
          n = known
        } else {
          n = UInt64(texts[column].count)
          texts[column].append(s)
          textNumbers[column][s] = n
        }
        if recentTexts[column].count < 8 {
          recentTexts[column].append((s, n))
        } else {
          recentTexts[column][Int(n % 8)] = (s, n)
        }
        return Cell(tag: 3, bits: n)
      }
    }

    func value(_ cell: Cell, column: Int) -> CellValue {
      switch cell.tag {
      case 1: return .int(Int64(bitPattern: cell.bits))
      case 2: return .double(Double(bitPattern: cell.bits))
      case 3: return .text(texts[column][Int(cell.bits)])
      default: return .null
      }
    }
  }

  private let width: Int
  private let keyColumns: [Int]
  private var storage = Storage()
  /// Bits a packed sort key may use (tests lower it to reach the comparison sort).
  private let packedBitLimit: Int
  var count: Int { storage.count }

  init(width: Int, keyColumns: [Int], packedBitLimit: Int = 64) {
    self.width = width
    self.keyColumns = keyColumns
    self.packedBitLimit = packedBitLimit
    storage.texts = Array(repeating: [], count: width)
    storage.textNumbers = Array(repeating: [:], count: width)
    storage.recentTexts = Array(repeating: [], count: width)
    storage.keyNumbersByCell = Array(repeating: [:], count: keyColumns.count)
    storage.lastKeys = Array(repeating: nil, count: keyColumns.count)
    storage.lastNumbers = Array(repeating: 0, count: keyColumns.count)
  }

  func append(_ row: [CellValue]) {
    var taken = Storage()
    swap(&taken, &storage)
    taken.append(row, width: width, keyColumns: keyColumns)
    swap(&taken, &storage)
  }

  /// Binds each row, in key order, to `statement` (one parameter per column) and steps it;
  /// `check` gets any result code but SQLITE_DONE. Each distinct text is laid out once as
  /// UTF-8 and bound in place, so no row builds a `String` again.
  func insertInKeyOrder(_ statement: OpaquePointer, check: (Int32) throws -> Void) throws {
    let s = storage
    var arenas: [UnsafeMutablePointer<UInt8>] = []
    var starts: [[Int]] = []
    defer { for arena in arenas { arena.deallocate() } }
    for column in 0..<width {
      var offsets = [0]
      for text in s.texts[column] { offsets.append(offsets[offsets.count - 1] + text.utf8.count) }
      let arena = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, offsets[offsets.count - 1]))
      for (n, text) in s.texts[column].enumerated() {
        var text = text
        text.withUTF8 { bytes in
          if let base = bytes.baseAddress { (arena + offsets[n]).initialize(from: base, count: bytes.count) }
        }
      }
      arenas.append(arena)
      starts.append(offsets)
    }
    for row in order() {
      for i in 0..<width {
        let at = row * width + i
        let index = Int32(i + 1)
        switch s.tags[at] {
        case 1: sqlite3_bind_int64(statement, index, Int64(bitPattern: s.bits[at]))
        case 2: sqlite3_bind_double(statement, index, Double(bitPattern: s.bits[at]))
        case 3:
          let n = Int(s.bits[at])
          let start = starts[i][n]
          let text = UnsafeRawPointer(arenas[i] + start).assumingMemoryBound(to: CChar.self)
          // nil destructor = SQLITE_STATIC: the arena outlives every step.
          sqlite3_bind_text(statement, index, text, Int32(starts[i][n + 1] - start), nil)
        default: sqlite3_bind_null(statement, index)
        }
      }
      let code = sqlite3_step(statement)
      sqlite3_reset(statement)
      if code != SQLITE_DONE { try check(code) }
    }
  }

  /// Row numbers in key order.
  private func order() -> [Int] {
    let s = storage
    let count = s.count
    let keyNumbers = s.keyNumbers
    let ranks = keyColumns.indices.map { j in
      Self.ranks(s.keyNumbersByCell[j].map { (s.value($0.key, column: keyColumns[j]), $0.value) })
    }
    let widths = ranks.map { Self.bitWidth($0.count) }
    let rowBits = Self.bitWidth(count)
    let k = keyColumns.count
    if widths.reduce(rowBits, +) <= packedBitLimit {
      var packed = [UInt64](repeating: 0, count: count)
      for row in 0..<count {
        var key: UInt64 = 0
        for j in 0..<k {
          key = key << UInt64(widths[j]) | UInt64(ranks[j][Int(keyNumbers[row * k + j])])
        }
        packed[row] = key << UInt64(rowBits) | UInt64(row)
      }
      packed.sort()
      let mask: UInt64 = rowBits == 64 ? .max : (1 << UInt64(rowBits)) - 1
      return packed.map { Int($0 & mask) }
    }
    // Too many distinct values to pack: compare rank by rank.
    return (0..<count).sorted { a, b in
      for j in 0..<k {
        let ra = ranks[j][Int(keyNumbers[a * k + j])]
        let rb = ranks[j][Int(keyNumbers[b * k + j])]
        if ra != rb { return ra < rb }
      }
      return a < b
    }
  }

  /// Arrival number → rank of the value in SQLite's order.
  private static func ranks(_ numbered: [(CellValue, Int32)]) -> [Int32] {
    let sorted = numbered.sorted { sqliteOrder($0.0, $1.0) }
    var ranks = [Int32](repeating: 0, count: numbered.count)
    for (rank, entry) in sorted.enumerated() { ranks[Int(entry.1)] = Int32(rank) }
    return ranks
  }

  /// SQLite's order for the values a key holds: NULL, then numbers, then text by bytes.
  static func sqliteOrder(_ a: CellValue, _ b: CellValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return false
    case (.null, _): return true
    case (_, .null): return false
    case (.int(let x), .int(let y)): return x < y
    case (.double(let x), .double(let y)): return x < y
    case (.int(let x), .double(let y)): return Double(x) < y
    case (.double(let x), .int(let y)): return x < Double(y)
    case (.text, .int), (.text, .double): return false
    case (.int, .text), (.double, .text): return true
    case (.text(let x), .text(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
    }
  }

  /// Bits that hold the numbers 0..<n.
  private static func bitWidth(_ n: Int) -> Int {
    n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount
  }
}
