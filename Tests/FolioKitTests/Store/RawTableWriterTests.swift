import Testing

@testable import FolioKit

@Suite("RawTableWriter")
struct RawTableWriterTests {
  static let schema = FileSchema(
    fileName: "t.csv", tableName: "raw_t",
    columns: [
      ColumnSchema("day", .date), ColumnSchema("id", .int), ColumnSchema("kind", .text), ColumnSchema("n", .double),
    ],
    key: ["day", "id", "kind"], loadOrder: ["id", "kind", "day"])

  static func load(_ schema: FileSchema, _ rows: [[CellValue]]) throws -> [[SQLValue]] {
    let db = try Database()
    let writer = RawTableWriter(database: db)
    try writer.beginTable(schema)
    for row in rows { try writer.insertRow(row) }
    try writer.endTable()
    #expect(writer.counts.map(\.rows) == [rows.count])
    // rowid order is the order rows went in.
    return try db.query("SELECT * FROM raw_t ORDER BY rowid").rows
  }

  @Test func rowsGoInInLoadOrderWithSQLiteComparisons() throws {
    // Text compares by bytes as SQLite's BINARY collation does: "B" (0x42) < "a" (0x61) < "é".
    let rows: [[CellValue]] = [
      [.text("2024-01-02"), .int(10), .text("a"), .double(1)],
      [.text("2024-01-01"), .int(10), .text("a"), .double(2)],
      [.text("2024-01-01"), .int(9), .text("é"), .double(3)],
      [.text("2024-01-01"), .int(10), .text("B"), .double(4)],
      [.text("2024-01-03"), .int(-5), .text("a"), .double(5)],
      [.text("2024-01-01"), .int(9), .text("B"), .double(6)],
    ]
    let stored = try Self.load(Self.schema, rows)
    #expect(stored.map { $0[3].double } == [5, 6, 3, 4, 2, 1])
    // Every value arrives unchanged.
    #expect(stored[0][0].text == "2024-01-03")
    #expect(stored[0][1].double == -5)
    #expect(stored[0][2].text == "a")
  }

  @Test func agreesWithSQLiteOrderByOnManyRows() throws {
    // Enough distinct values that the packed sort is used, in a scrambled order, some NULL;
    // SQLite's own ORDER BY over the same rows is the reference.
    var rows: [[CellValue]] = []
    var x = 12345
    for i in 0..<3000 {
      x = (x &* 1103515245 &+ 12345) & 0x7fff_ffff
      let day = "2024-0\(1 + x % 9)-\(10 + x % 19)"
      let kind: CellValue = x % 13 == 0 ? .null : .text(["web", "api", "Zeta", "éé"][x % 4])
      rows.append([.text(day), .int(Int64(x % 37) - 18), kind, .double(Double(i))])
    }
    let stored = try Self.load(Self.schema, rows).map { $0[3].double ?? -1 }
    let db = try Database()
    try db.execute("CREATE TABLE u (day TEXT, id INTEGER, kind TEXT, n REAL)")
    let insert = try db.prepare("INSERT INTO u VALUES (?, ?, ?, ?)")
    for row in rows {
      insert.reset()
      for (i, value) in row.enumerated() {
        switch value {
        case .text(let s): try insert.bind(.text(s), at: Int32(i + 1))
        case .int(let v): try insert.bind(.integer(v), at: Int32(i + 1))
        case .double(let v): try insert.bind(.real(v), at: Int32(i + 1))
        case .null: try insert.bind(.null, at: Int32(i + 1))
        }
      }
      try insert.step()
    }
    let expected = try db.query("SELECT n FROM u ORDER BY id, kind, day, rowid").rows.map { $0[0].double ?? -1 }
    #expect(stored == expected)
  }

  @Test func theUnpackedSortAgrees() throws {
    // More key bits than fit beside the row number: the comparison sort gives the same order.
    var rows: [[CellValue]] = []
    for i in 0..<200 {
      let day = CellValue.text("2024-01-\(10 + (i * 7) % 20)")
      let id = CellValue.int(Int64((i * 31) % 11))
      let kind = CellValue.text(i % 3 == 0 ? "b" : "a")
      rows.append([day, id, kind, .double(Double(i))])
    }
    let buffer = SortedRowBuffer(width: 4, keyColumns: [1, 2, 0])
    let unpacked = SortedRowBuffer(width: 4, keyColumns: [1, 2, 0], packedBitLimit: 0)
    for row in rows {
      buffer.append(row)
      unpacked.append(row)
    }
    func stored(_ buffer: SortedRowBuffer) throws -> [Double] {
      let db = try Database()
      try db.execute("CREATE TABLE raw_t (day TEXT, id INTEGER, kind TEXT, n REAL)")
      let insert = try db.prepare("INSERT INTO raw_t VALUES (?, ?, ?, ?)")
      try buffer.insertInKeyOrder(insert.handle) { try db.check($0, sql: insert.sql) }
      return try db.query("SELECT n FROM raw_t ORDER BY rowid").rows.map { $0[0].double ?? -1 }
    }
    let a = try stored(buffer)
    let b = try stored(unpacked)
    #expect(a.count == 200)
    #expect(a == b)
  }

  @Test func aFileWithoutLoadOrderKeepsFileOrder() throws {
    var schema = Self.schema
    schema.loadOrder = []
    let rows: [[CellValue]] = [
      [.text("2024-01-02"), .int(10), .text("a"), .double(1)],
      [.text("2024-01-01"), .int(9), .text("a"), .double(2)],
    ]
    #expect(try Self.load(schema, rows).map { $0[3].double } == [1, 2])
  }
}
