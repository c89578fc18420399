import Foundation
import FolioKit

/// Writes the `sqlite3` shell script that does what `folio build` does to a database, for the
/// comparison in `make bench`: the raw tables of `InputSchemas` with the same typed columns,
/// `.import` of the six files, `folio_edition`/`folio_config` as `Pipeline.writeParameters`
/// fills them, then every pipeline file in name order, each in one transaction, then ANALYZE.
struct SQLiteShellScript {
  var dataDirectory: String
  var pipelineDirectory: String
  var editionMonth: String
  /// `(key, value)` rows of `folio_config`, copied from a database Folio built.
  var config: [(String, Double)]
  /// Prints `.print FILE name` and turns `.timer on` around each pipeline file.
  var perFileTimer: Bool

  func text() throws -> String {
    var out = [
      "PRAGMA journal_mode = OFF;", "PRAGMA synchronous = OFF;", "PRAGMA cache_size = -262144;",
    ]
    // Each file goes into a plain table first (`.import` appends in file order), then into its
    // raw table in `FileSchema.loadOrder`, as Folio loads it: the same tables in the same
    // order, so the pipeline does the same work in both.
    for schema in InputSchemas.all {
      var staging = schema
      staging.tableName = "import_" + schema.tableName
      out.append(staging.createTableSQL + ";")
      out.append(schema.createTableSQL + ";")
    }
    out.append(".mode csv")
    if perFileTimer { out.append(".print FILE import"); out.append(".timer on") }
    for schema in InputSchemas.all {
      out.append("BEGIN;")
      out.append(".import --skip 1 '\(dataDirectory)/\(schema.fileName)' import_\(schema.tableName)")
      out.append("COMMIT;")
    }
    for schema in InputSchemas.all {
      let staged = quoted("import_" + schema.tableName)
      // `.import` stores an empty field as '' where Folio stores NULL; only optional columns
      // may be empty (Folio rejects an empty required value).
      for column in schema.columns where !column.required {
        out.append("UPDATE \(staged) SET \(quoted(column.name)) = NULL WHERE \(quoted(column.name)) = '';")
      }
      let order = schema.loadOrder.isEmpty ? "" : " ORDER BY " + schema.loadOrder.map(quoted).joined(separator: ", ")
      out.append("INSERT INTO \(quoted(schema.tableName)) SELECT * FROM \(staged)\(order);")
      out.append("DROP TABLE \(staged);")
    }
    out.append("CREATE TABLE folio_edition (edition_month TEXT NOT NULL);")
    out.append("CREATE TABLE folio_config (key TEXT PRIMARY KEY, value REAL NOT NULL);")
    out.append("INSERT INTO folio_edition VALUES ('\(editionMonth)');")
    for (key, value) in config {
      out.append("INSERT INTO folio_config VALUES ('\(key)', \(value));")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: pipelineDirectory)
      .filter { $0.hasSuffix(".sql") }
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    for name in names {
      if perFileTimer { out.append(".print FILE \(name)") }
      out.append("BEGIN;")
      out.append(".read '\(pipelineDirectory)/\(name)'")
      out.append("COMMIT;")
    }
    if perFileTimer { out.append(".print FILE ANALYZE") }
    out.append("PRAGMA analysis_limit = \(Pipeline.analysisLimit);")
    out.append("ANALYZE;")
    return out.joined(separator: "\n") + "\n"
  }

  private func quoted(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
