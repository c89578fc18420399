import CSQLite
import Foundation

/// SQLite asks for this sentinel to copy bound text; defined once (GRDB's habit).
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A SQLite connection; closes in `deinit`. Not shared between threads.
public final class Database {
  let handle: OpaquePointer
  /// What to name in error messages (a file path or ":memory:").
  public let path: String

  /// Opens (and creates, unless read-only) the database at `path`.
  public init(path: String = ":memory:", readOnly: Bool = false) throws {
    var db: OpaquePointer?
    let flags =
      (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
      | SQLITE_OPEN_NOMUTEX
    let code = sqlite3_open_v2(path, &db, flags, nil)
    guard code == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close(db)
      throw FolioError(.pipeline, "cannot open database: \(message)", path: path)
    }
    handle = db
    self.path = path
    if readOnly { try execute("PRAGMA query_only = 1") }
  }

  deinit { sqlite3_close_v2(handle) }

  /// Turns a result code into an error carrying SQLite's message and the SQL text.
  @discardableResult
  func check(_ code: Int32, sql: String? = nil) throws -> Int32 {
    switch code {
    case SQLITE_OK, SQLITE_ROW, SQLITE_DONE: return code
    default:
      throw SQLError(message: String(cString: sqlite3_errmsg(handle)), sql: sql, offset: errorOffset)
    }
  }

  /// Byte offset in the SQL of the last error, when SQLite knows it.
  var errorOffset: Int? {
    let offset = sqlite3_error_offset(handle)
    return offset >= 0 ? Int(offset) : nil
  }

  /// Runs statements that return no rows (several, separated by `;`).
  public func execute(_ sql: String) throws {
    try check(sqlite3_exec(handle, sql, nil, nil, nil), sql: sql)
  }

  /// Prepares one statement.
  public func prepare(_ sql: String) throws -> Statement {
    try Statement(database: self, sql: sql)
  }

  /// Runs a query with named parameters (`:month`) and copies every row out.
  public func query(_ sql: String, parameters: [String: SQLValue] = [:]) throws -> QueryResult {
    let statement = try prepare(sql)
    try statement.bind(parameters)
    return try statement.all()
  }

  /// Runs `body` inside one transaction; rolls back when it throws.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes(handle)) }
}

/// A SQLite failure with the statement's text.
public struct SQLError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var sql: String?
  /// Byte offset of the problem within `sql`, when SQLite reports it.
  public var offset: Int?

  public var description: String { message }
}
