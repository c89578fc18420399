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
  /// The order rows go into the raw table (empty: file order). Performance rows go in by
  /// agency, service, region and date, the order of the pipeline's monthly groups: SQLite then
  /// sorts already-sorted rows and looks up the same usage row thirty times running, which
  /// made the 1M-row pipeline about a quarter faster (docs/performance.md). Only speed
  /// depends on it: SQL results have no row order.
  public var loadOrder: [String]

  /// Creates a file schema.
  public init(
    fileName: String, tableName: String, columns: [ColumnSchema], key: [String], loadOrder: [String] = []
  ) {
    self.fileName = fileName
    self.tableName = tableName
    self.columns = columns
    self.key = key
    self.loadOrder = loadOrder
  }

  /// `CREATE TABLE` for the raw table: the columns, typed, in canonical order.
  public var createTableSQL: String {
    let parts = columns.map { "\(Self.quoted($0.name)) \($0.type.sqlType)" }
    return "CREATE TABLE \(Self.quoted(tableName)) (\(parts.joined(separator: ", ")))"
  }

  static func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The position of a column in `columns`, by its lower-case name.
  public func index(of name: String) -> Int? {
    columns.firstIndex { $0.name == name }
  }
}
