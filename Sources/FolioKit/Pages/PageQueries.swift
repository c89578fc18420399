import Foundation

/// Runs a page's SQL against the edition database: read-only, parameters
/// bound by name (`:month`), never spliced into the text.
struct PageQueries {
  let db: Database
  let page: PageSource

  /// Runs one `sql NAME` block (or an `each:` query) and maps SQLite's errors to the page line.
  func run(_ sql: String, line: Int, column: Int = 1, parameters: [String: SQLValue]) throws -> QueryResult {
    do {
      let statement = try db.prepare(sql)
      guard statement.isReadOnly else {
        throw page.error("page SQL may only read (SELECT / WITH); this statement would change the database", line: line, column: column)
      }
      try statement.bind(parameters)
      return try statement.all()
    } catch let error as SQLError {
      var errorLine = line
      var errorColumn = column
      if let offset = error.offset, let sqlText = error.sql {
        let (l, c, _) = Database.position(of: offset, in: Array(sqlText.utf8) + [0])
        errorLine = line + l - 1
        errorColumn = l == 1 ? column + c - 1 : c
      }
      throw page.error("SQL: \(error.message)", line: errorLine, column: errorColumn)
    }
  }
}

extension SQLValue {
  /// The value as templates see it.
  var templateValue: TemplateValue {
    switch self {
    case .null: return .null
    case .integer(let v): return .int(v)
    case .real(let v): return .double(v)
    case .text(let s): return .string(s)
    }
  }
}

extension QueryResult {
  /// Rows as template objects keyed by column name.
  var templateRows: TemplateValue {
    .list(
      rows.map { row in
        .object(Dictionary(zip(columns, row.map(\.templateValue)), uniquingKeysWith: { a, _ in a }))
      })
  }

  /// The values of `column` as numbers (NULL and text → nil).
  func numbers(_ column: Int) -> [Double?] { rows.map { $0[column].double } }

  /// RFC 4180 CSV with a header row; text that a spreadsheet would run as a
  /// formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
  func csvText() -> String {
    var out = columns.map(Self.csvField).joined(separator: ",") + "\n"
    for row in rows {
      out += row.map { value -> String in
        switch value {
        case .null: return ""
        case .text(let s):
          let guarded = s.first.map { "=+-@".contains($0) } == true && Double(s) == nil ? "'" + s : s
          return Self.csvField(guarded)
        default: return Self.csvField(value.text ?? "")
        }
      }.joined(separator: ",") + "\n"
    }
    return out
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
