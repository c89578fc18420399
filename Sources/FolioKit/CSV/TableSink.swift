/// Where ingest puts valid rows (the store creates and fills one raw table per file).
public protocol TableSink: AnyObject {
  /// Starts a raw table: columns in `schema.columns` order, typed by `ColumnType.sqlType`.
  func beginTable(_ schema: FileSchema) throws
  /// Adds one valid row; values in `schema.columns` order (a missing optional column is `.null`).
  /// The array is reused for the next row, so copy what you keep.
  func insertRow(_ values: [CellValue]) throws
  /// Ends the table started last.
  func endTable() throws
}

/// A sink that drops every row (for checks without a store, and benchmarks).
public final class NullTableSink: TableSink {
  /// Rows seen so far, per table, in load order.
  public private(set) var rowCounts: [(table: String, rows: Int)] = []

  public init() {}
  public func beginTable(_ schema: FileSchema) throws { rowCounts.append((schema.tableName, 0)) }
  public func insertRow(_ values: [CellValue]) throws { rowCounts[rowCounts.count - 1].rows += 1 }
  public func endTable() throws {}
}
