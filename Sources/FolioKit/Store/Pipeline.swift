import Foundation

/// The metrics pipeline: the `*.sql` files of a folder, run in name order in one connection.
public struct Pipeline: Sendable {
  /// One SQL file of the pipeline.
  public struct Step: Sendable {
    public var name: String
    public var displayPath: String
    public var sql: String
  }

  public var steps: [Step]

  /// Rows ANALYZE reads per index: enough for the planner's choices, and a full ANALYZE of a
  /// million-row table costs about 0.3 s (sqlite3 `.timer`) for no better plan.
  public static let analysisLimit = 1000

  public init(steps: [Step]) { self.steps = steps }

  /// Loads the folder's `.sql` files; a missing folder is an empty pipeline.
  public static func load(from directory: URL, displayPath: String) throws -> Pipeline {
    let fm = FileManager.default
    guard fm.fileExists(atPath: directory.path) else { return Pipeline(steps: []) }
    let names = try fm.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".sql") }
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    return Pipeline(
      steps: try names.map { name in
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path),
          let sql = String(data: data, encoding: .utf8)
        else { throw FolioError(.pipeline, "cannot read SQL file (not UTF-8?)", path: "\(displayPath)/\(name)") }
        return Step(name: name, displayPath: "\(displayPath)/\(name)", sql: sql)
      })
  }

  /// Writes the edition and the metric settings where the SQL reads them, then runs every step.
  /// Returns the number of tables and views the database holds afterwards.
  @discardableResult
  public func run(on db: Database, editionMonth: String, settings: MetricSettings) throws -> Int {
    try Self.writeParameters(db, editionMonth: editionMonth, settings: settings)
    for step in steps {
      try db.transaction { _ = try db.executeScript(step.sql, path: step.displayPath) }
    }
    try db.execute("PRAGMA analysis_limit = \(Self.analysisLimit); ANALYZE")
    let count = try db.query(
      "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
    return Int(count.scalar()?.double ?? 0)
  }

  /// `folio_edition` (one row) and `folio_config` (key, value).
  static func writeParameters(_ db: Database, editionMonth: String, settings: MetricSettings) throws {
    try db.execute(
      """
      CREATE TABLE folio_edition (edition_month TEXT NOT NULL);
      CREATE TABLE folio_config (key TEXT PRIMARY KEY, value REAL NOT NULL);
      """)
    let edition = try db.prepare("INSERT INTO folio_edition VALUES (?)")
    try edition.bind(.text(editionMonth), at: 1)
    try edition.step()
    let insert = try db.prepare("INSERT INTO folio_config VALUES (?, ?)")
    for key in settings.values.keys.sorted() {
      insert.reset()
      try insert.bind(.text(key), at: 1)
      try insert.bind(.real(settings[key]), at: 2)
      try insert.step()
    }
  }
}
