/// The type of a raw input column and the SQLite storage class it loads into.
public enum ColumnType: Sendable, Hashable {
  case int
  case double
  case text
  /// `YYYY-MM-DD`, a real calendar date; stored as TEXT.
  case date
  /// `YYYY-MM`; stored as TEXT.
  case month
  /// One of a fixed list of words (case-sensitive); stored as TEXT.
  case choice([String])

  /// The SQLite column type the raw table uses for this column.
  public var sqlType: String {
    switch self {
    case .int: "INTEGER"
    case .double: "REAL"
    case .text, .date, .month, .choice: "TEXT"
    }
  }
}
