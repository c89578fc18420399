/// One input file: where it comes from, which raw table it fills, its columns and key.
public struct FileSchema: Sendable {
  /// The file name inside the data directory, e.g. `usage_monthly.csv`.
  public var fileName: String
  /// The raw table the rows load into, e.g. `raw_usage_monthly`.
  public var tableName: String
  /// The columns in canonical order: the raw table's column order and `insertRow`'s value order.
  public var columns: [ColumnSchema]
  /// The columns whose values together must be unique (empty: no key).
  public var key: [String]

  /// Creates a file schema.
  public init(fileName: String, tableName: String, columns: [ColumnSchema], key: [String]) {
    self.fileName = fileName
    self.tableName = tableName
    self.columns = columns
    self.key = key
  }

  /// The position of a column in `columns`, by its lower-case name.
  public func index(of name: String) -> Int? {
    columns.firstIndex { $0.name == name }
  }
}
