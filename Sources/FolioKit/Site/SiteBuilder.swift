import Foundation

/// Runs a build: config → ingest → pipeline → render → write, each a named
/// stage with counts and time. Everything is written into a staging folder
/// inside the output folder and swapped in at the end, so a failed build
/// leaves the previous output untouched.
public struct SiteBuilder {
  public var options: BuildOptions

  public init(options: BuildOptions) { self.options = options }

  /// What a build did, for the CLI and the build summary.
  public struct Result: Sendable {
    public var editions: [String] = []
    public var upToDate = false
    public var pages = 0
    public var warnings: [String] = []
    public var rejectedRows = 0
  }

  static let folioVersion = "0.1.0"

  public func run() throws -> Result {
    let layout = options.layout
    let log = StageLog(stages: 5, quiet: options.quiet)
    var result = Result()

    let config = try log.run("config") {
      let config = try ProjectConfig.load(
        from: layout.config, displayPath: layout.display(layout.config), required: layout.configRequired)
      return (config, FileManager.default.fileExists(atPath: layout.config.path) ? layout.display(layout.config) : "defaults")
    }

    let state = BuildState.load(from: layout.output)
    // The fingerprint decides something up front only when a previous build may be reused.
    // Otherwise it is taken after ingest, which hashes the data files as it reads them (63 MB:
    // 0.7 s of SHA-256 not spent twice).
    let mayReuse = !options.force && !options.checkOnly && state != nil
    // Templates the fingerprint reads to hash (a first or changed build) are kept for the renderer.
    let sources = SourceCache()
    var hashing = mayReuse ? Self.fingerprint(layout, settingsKey, known: state?.fingerprint, keeping: sources) : nil
    if mayReuse, let state, let hashing, state.fingerprint == (try hashing.value()),
      state.editions.allSatisfy({ FileManager.default.fileExists(atPath: layout.output.appendingPathComponent($0).path) })
    {
      log.note("up to date: no input changed since the last build (\(state.editions.joined(separator: ", ")))")
      result.editions = state.editions
      result.upToDate = true
      return result
    }

    let staging = try OutputStaging(output: layout.output, temporary: options.checkOnly)
    defer { staging.discard() }

    // Re-rendering only: data, pipeline and config are unchanged and every edition's database is there.
    let reusable = try state.flatMap { s -> [String]? in
      guard mayReuse, let hashing, s.fingerprint.sameDatabase(as: try hashing.value()) else { return nil }
      let dbs = s.editions.map { layout.output.appendingPathComponent("\($0)/data/report.sqlite").path }
      return dbs.allSatisfy { FileManager.default.fileExists(atPath: $0) } ? s.editions : nil
    }

    var ingestReport: IngestReport?
    var months: [String]
    if let reusable {
      months = reusable
      try log.run("ingest") { ((), "unchanged, reusing \(months.count) database(s)") }
      try log.run("pipeline") { ((), "unchanged") }
      for month in months {
        let target = staging.database(for: month)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: layout.output.appendingPathComponent("\(month)/data/report.sqlite"), to: target)
      }
    } else {
      let raw = staging.root.appendingPathComponent("raw.sqlite")
      let report = try log.run("ingest") { () throws -> (IngestReport, String) in
        let db = try Database(path: raw.path)
        try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
        let writer = RawTableWriter(database: db)
        let ingest = Ingest(
          dataDirectory: layout.data, displayPath: layout.display(layout.data), policy: options.badRows,
          progress: Console.isTerminal && !options.quiet ? Self.progressLine : nil)
        let report = try ingest.run(into: writer)
        if Console.isTerminal && !options.quiet { Console.progress("") }
        let rows = report.files.reduce(0) { $0 + $1.rowsAccepted }
        return (report, report.hasData ? "\(report.files.count) files  \(ValueFormat(.int).string(Double(rows))) rows" : "no data")
      }
      ingestReport = report
      if hashing == nil, !options.checkOnly {
        var known = state?.fingerprint ?? InputFingerprint()
        known.data = report.files.map {
          InputFingerprint.File(
            path: layout.display(layout.data.appendingPathComponent($0.fileName)), bytes: $0.bytes,
            modified: $0.modified, sha256: $0.sha256)
        }
        hashing = Self.fingerprint(layout, settingsKey, known: known, keeping: sources)
      }
      result.warnings += report.warnings
      result.rejectedRows = report.files.reduce(0) { $0 + $1.rowsRejected }
      months = report.hasData ? try editionMonths(raw: raw) : []
      let pipeline = try Pipeline.load(from: layout.pipeline, displayPath: layout.display(layout.pipeline))
      try log.run("pipeline") { () throws -> ((), String) in
        var tables = 0
        for (i, month) in months.enumerated() {
          let target = staging.database(for: month)
          try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
          if i == months.count - 1 {
            try FileManager.default.moveItem(at: raw, to: target)
          } else {
            try FileManager.default.copyItem(at: raw, to: target)
          }
          let db = try Database(path: target.path)
          try db.execute(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
          tables = try pipeline.run(on: db, editionMonth: month, settings: config.metrics)
        }
        let what = months.count == 1 ? months[0] : "\(months.count) editions"
        return ((), months.isEmpty ? "no data" : "\(pipeline.steps.count) files  \(tables) tables  \(what)")
      }
    }

    // Pages the hashing has read are then in `sources`; its errors surface where its value is saved.
    _ = try? hashing?.value()
    let renderer = try SiteRenderer(layout: layout, config: config, strict: options.strict, sources: sources)
    // A plain site leaves pages that come out byte-identical where they are (not for `check`: it writes nothing).
    let oldOutput = options.checkOnly || !months.isEmpty ? nil : PreviousOutput(output: layout.output)
    let rendered = try log.run("render") { () throws -> (SiteRenderer.Report, String) in
      var total = SiteRenderer.Report()
      if months.isEmpty {
        total = try renderer.render(edition: nil, database: nil, into: staging.site, previous: oldOutput)
      }
      for month in months {
        let r = try renderer.render(
          edition: month, database: staging.database(for: month), into: staging.edition(month))
        total.pages += r.pages
        total.warnings += r.warnings
      }
      return (total, "\(total.pages) pages")
    }
    result.pages = rendered.pages
    result.warnings += rendered.warnings

    for warning in result.warnings { Console.error("warning: \(warning)") }
    if options.strict, !result.warnings.isEmpty {
      throw FolioError(.render, "--strict: \(result.warnings.count) warning(s) above count as errors")
    }
    if let report = ingestReport {
      for rejects in report.rejects where !rejects.rows.isEmpty {
        Console.error("quarantined \(rejects.rows.count) row(s) of \(rejects.fileName) → <edition>/data/rejects/\(rejects.fileName)")
      }
    }
    result.editions = months
    if options.checkOnly { return result }

    try log.run("write") { () throws -> ((), String) in
      for month in months {
        if let report = ingestReport { try staging.writeRejects(report.rejects, month: month) }
        try Assets.copy(from: layout.assets, to: staging.edition(month).appendingPathComponent("assets"))
        try EditionIndex.writeEditionFile(month: month, database: staging.database(for: month), into: staging.edition(month))
      }
      if months.isEmpty {
        try Assets.copy(from: layout.assets, to: staging.site.appendingPathComponent("assets"))
        try staging.commitPlainSite(unchanged: oldOutput?.unchanged ?? [])
      } else {
        try staging.commit(editions: months)
        try EditionIndex.writeArchive(output: layout.output, title: config.title)
      }
      let summary = BuildSummary(
        editions: months, inputs: ingestReport?.files ?? [], warnings: result.warnings,
        pages: rendered.pages, rejectedRows: result.rejectedRows, timings: log.timings)
      try summary.write(to: layout.output.appendingPathComponent("build-summary.json"))
      let fingerprint = try (hashing ?? Self.fingerprint(layout, settingsKey, known: state?.fingerprint)).value()
      try BuildState(fingerprint: fingerprint, editions: months).save(to: layout.output)
      return ((), "\(months.isEmpty ? "site" : months.joined(separator: ", ")) → \(layout.display(layout.output))")
    }
    return result
  }

  /// Hashes the project's inputs on another thread, reusing `known` hashes of files whose
  /// size and mtime match.
  static func fingerprint(
    _ layout: ProjectLayout, _ settings: [String], known: InputFingerprint?, keeping sources: SourceCache? = nil
  ) -> Background<InputFingerprint> {
    Background { try InputFingerprint.compute(layout: layout, settings: settings, previous: known, keeping: sources) }
  }

  /// What besides the files decides the output: the month asked for, the policy, the tool.
  var settingsKey: [String] {
    [
      "month=\(options.allMonths ? "all" : options.month ?? "latest")",
      "bad-rows=\(options.badRows.rawValue)", "strict=\(options.strict)", "folio=\(Self.folioVersion)",
    ]
  }

  /// The months to build: the one asked for, every month, or the latest in the data.
  func editionMonths(raw: URL) throws -> [String] {
    let db = try Database(path: raw.path, readOnly: true)
    // Every performance row has a usage row of its month (ingest refuses one without), so the
    // usage months are all the months; reading the million performance dates cost 0.8 s.
    let all = try db.query("SELECT DISTINCT month FROM raw_usage_monthly ORDER BY 1").rows.compactMap { $0.first?.text }
    guard let first = all.first, let last = all.last else {
      throw FolioError(.ingest, "the data holds no usage or performance rows, so there is no month to report on")
    }
    if options.allMonths { return all }
    guard let month = options.month else { return [last] }
    guard month >= first && month <= last else {
      throw FolioError(.usage, "--month \(month): the data covers \(first) to \(last)")
    }
    return [month]
  }

  static let progressLine: @Sendable (String, Int, Int) -> Void = { file, read, total in
    let pct = total > 0 ? 100 * read / total : 100
    Console.progress("  reading \(file)  \(pct) %")
  }
}
