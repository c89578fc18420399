import CSQLite

/// Loads validated rows from ingest into raw tables, one prepared INSERT per
/// table inside one transaction per file. A file with a load order
/// (`FileSchema.loadOrder`) has its rows wait in a `SortedRowBuffer` until the
/// file ends, and they go in sorted.
public final class RawTableWriter: TableSink {
  let db: Database
  private var insert: Statement?
  private var buffer: SortedRowBuffer?
  private var columnCount: Int32 = 0
  /// Rows written per table, in load order.
  public private(set) var counts: [(table: String, rows: Int)] = []

  public init(database: Database) { db = database }

  public func beginTable(_ schema: FileSchema) throws {
    try db.execute(schema.createTableSQL)
    let marks = Array(repeating: "?", count: schema.columns.count).joined(separator: ", ")
    try db.execute("BEGIN")
    insert = try db.prepare("INSERT INTO \(FileSchema.quoted(schema.tableName)) VALUES (\(marks))")
    columnCount = Int32(schema.columns.count)
    let keyColumns = schema.loadOrder.compactMap { schema.index(of: $0) }
    buffer = keyColumns.isEmpty ? nil : SortedRowBuffer(width: schema.columns.count, keyColumns: keyColumns)
    counts.append((schema.tableName, 0))
  }

  public func insertRow(_ values: [CellValue]) throws {
    if let buffer {
      buffer.append(values)
    } else {
      try write(values)
    }
    counts[counts.count - 1].rows += 1
  }

  public func endTable() throws {
    if let buffer, let insert {
      try buffer.insertInKeyOrder(insert.handle) { try db.check($0, sql: insert.sql) }
    }
    buffer = nil
    insert = nil
    try db.execute("COMMIT")
  }

  private func write(_ values: [CellValue]) throws {
    guard let insert else { return }
    // Binding through the C API directly: this runs a million times per build.
    let h = insert.handle
    for i in 0..<min(Int32(values.count), columnCount) {
      switch values[Int(i)] {
      case .null: sqlite3_bind_null(h, i + 1)
      case .int(let v): sqlite3_bind_int64(h, i + 1, v)
      case .double(let v): sqlite3_bind_double(h, i + 1, v)
      case .text(var s):
        // Native strings expose their UTF-8 directly: no C-string copy per value.
        s.withUTF8 { bytes in
          guard let base = bytes.baseAddress else {
            _ = sqlite3_bind_text(h, i + 1, "", 0, sqliteTransient)
            return
          }
          _ = sqlite3_bind_text(
            h, i + 1, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
            Int32(bytes.count), sqliteTransient)
        }
      }
    }
    let code = sqlite3_step(h)
    sqlite3_reset(h)
    if code != SQLITE_DONE { try db.check(code, sql: insert.sql) }
  }
}
