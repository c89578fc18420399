/// One typed value of a raw row, as it goes into the SQLite raw table.
public enum CellValue: Sendable, Hashable {
  case null
  case int(Int64)
  case double(Double)
  case text(String)
}
