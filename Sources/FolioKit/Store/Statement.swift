import CSQLite
import Foundation

/// A prepared statement; finalizes in `deinit`.
public final class Statement {
  let database: Database
  let handle: OpaquePointer
  public let sql: String

  init(database: Database, sql: String) throws {
    var stmt: OpaquePointer?
    try database.check(sqlite3_prepare_v2(database.handle, sql, -1, &stmt, nil), sql: sql)
    guard let stmt else { throw SQLError(message: "empty statement", sql: sql, offset: nil) }
    self.database = database
    self.handle = stmt
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  /// True when the statement cannot change the database (SQLite's own judgement).
  public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

  /// Names of the result columns.
  public var columnNames: [String] {
    (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
  }

  /// Names of the parameters the SQL uses, without their `:`/`@`/`$` prefix.
  public var parameterNames: [String] {
    (0..<sqlite3_bind_parameter_count(handle)).compactMap { i in
      sqlite3_bind_parameter_name(handle, i + 1).map { String(String(cString: $0).dropFirst()) }
    }
  }

  /// Binds a value to the 1-based parameter `index`.
  public func bind(_ value: SQLValue, at index: Int32) throws {
    let code: Int32
    switch value {
    case .null: code = sqlite3_bind_null(handle, index)
    case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
    case .real(let v): code = sqlite3_bind_double(handle, index, v)
    case .text(let s): code = sqlite3_bind_text(handle, index, s, -1, sqliteTransient)
    }
    try database.check(code, sql: sql)
  }

  /// Binds named parameters; a name the SQL uses but `values` lacks is an error.
  public func bind(_ values: [String: SQLValue]) throws {
    for (i, name) in parameterNames.enumerated() {
      guard let value = values[name] else {
        let known = values.keys.sorted().map { ":" + $0 }.joined(separator: ", ")
        throw SQLError(
          message: "unknown parameter :\(name); available: \(known.isEmpty ? "none" : known)",
          sql: sql, offset: nil)
      }
      try bind(value, at: Int32(i + 1))
    }
  }

  /// Steps once; true while a row is available.
  @discardableResult
  public func step() throws -> Bool {
    try database.check(sqlite3_step(handle), sql: sql) == SQLITE_ROW
  }

  /// Clears the result state so the statement can run again with new bindings.
  public func reset() {
    sqlite3_reset(handle)
  }

  /// The value of column `index` of the current row.
  public func value(at index: Int32) -> SQLValue {
    switch sqlite3_column_type(handle, index) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
    case SQLITE_NULL: return .null
    default:
      guard let text = sqlite3_column_text(handle, index) else { return .null }
      return .text(String(cString: text))
    }
  }

  /// Steps to the end and copies every row.
  public func all() throws -> QueryResult {
    let names = columnNames
    let count = Int32(names.count)
    var rows: [[SQLValue]] = []
    while try step() {
      rows.append((0..<count).map { value(at: $0) })
    }
    return QueryResult(columns: names, rows: rows)
  }
}

/// Rows copied out of a query, with their column names.
public struct QueryResult: Sendable, Equatable {
  public var columns: [String]
  public var rows: [[SQLValue]]

  public init(columns: [String], rows: [[SQLValue]]) {
    self.columns = columns
    self.rows = rows
  }

  /// The index of a column by name (case-insensitive), if present.
  public func index(of column: String) -> Int? {
    columns.firstIndex { $0.caseInsensitiveCompare(column) == .orderedSame }
  }

  /// The first row's value in `column`, or nil.
  public func scalar(_ column: String? = nil) -> SQLValue? {
    guard let row = rows.first else { return nil }
    guard let column else { return row.first }
    return index(of: column).map { row[$0] }
  }
}
