/// One SQLite value, copied out of the C API at once.
public enum SQLValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  /// The value as a number, when it is one (text is not converted).
  public var double: Double? {
    switch self {
    case .integer(let v): return Double(v)
    case .real(let v): return v
    case .null, .text: return nil
    }
  }

  /// The value as text the way `sqlite3` would print it; NULL is nil.
  public var text: String? {
    switch self {
    case .null: return nil
    case .integer(let v): return String(v)
    case .real(let v): return SQLValue.plain(v)
    case .text(let s): return s
    }
  }

  public var isNull: Bool { self == .null }

  /// Shortest text that reads back as the same double (`12.5`, `3`, `0.1`).
  static func plain(_ v: Double) -> String {
    if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
  }
}
