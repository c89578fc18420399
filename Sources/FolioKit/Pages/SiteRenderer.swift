import Foundation
import Synchronization

/// Renders every page of `templates/pages/` for one edition (or for a project
/// without data), in parallel, and writes the HTML and CSV files.
struct SiteRenderer: Sendable {
  let layout: ProjectLayout
  let config: ProjectConfig
  let strict: Bool
  let pages: [PageFile]
  let layouts: [String: Template]
  let partials: FileSystemPartialResolver

  struct Report: Sendable {
    var pages = 0
    var warnings: [String] = []
  }

  /// Parses every page and layout; `sources` holds files the input fingerprint already read.
  init(layout: ProjectLayout, config: ProjectConfig, strict: Bool, sources: SourceCache? = nil) throws {
    self.layout = layout
    self.config = config
    self.strict = strict
    // Paths are built as strings: URL.appendingPathComponent stats the file
    // system to tell folders from files, one call per page for nothing.
    let pagesDir = layout.templates.path + "/pages"
    // Parsed in parallel: a thousand-page site spends most of its time here.
    let paths = try InputFingerprint.files(under: URL(fileURLWithPath: pagesDir, isDirectory: true))
      .filter { $0.hasSuffix(".md") }
    let parsed = Mutex<[Int: Result<PageFile, Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: paths.count) { i in
      let path = pagesDir + "/" + paths[i]
      let result = Result {
        try PageFile(
          path: path, name: String(paths[i].dropLast(3)), displayPath: layout.display(path: path), sources: sources)
      }
      parsed.withLock { $0[i] = result }
    }
    pages = try paths.indices.map { i in try parsed.withLock { $0[i] }!.get() }
    let layoutsDir = layout.templates.path + "/layouts"
    var layouts: [String: Template] = [:]
    for path in try InputFingerprint.files(under: URL(fileURLWithPath: layoutsDir, isDirectory: true))
    where path.hasSuffix(".html") {
      let full = layoutsDir + "/" + path
      let bytes = sources.map { $0.bytes(atPath: full) } ?? FileReader.bytes(atPath: full)
      guard let text = bytes.flatMap(FileReader.text(utf8:)) else {
        throw FolioError(.render, "cannot read layout (not UTF-8?)", path: layout.display(path: full))
      }
      layouts[String(path.dropLast(5))] = try Template(source: text, path: layout.display(path: full))
    }
    self.layouts = layouts
    partials = FileSystemPartialResolver(root: layout.templates, displayRoot: layout.display(layout.templates))
  }

  /// Renders all pages into `directory`; with `previous`, pages whose bytes are
  /// already in the old output are left there instead of written.
  func render(edition: String?, database: URL?, into directory: URL, previous: PreviousOutput? = nil) throws -> Report {
    let db = try database.map { try Database(path: $0.path, readOnly: true) }
    let lastDate = try db.flatMap { db in
      try Self.hasTable(db, "raw_performance_daily")
        ? db.query("SELECT MAX(date) FROM raw_performance_daily").scalar()?.text : nil
    }
    var site = SiteContext(
      config: config, edition: edition, dataLastDate: lastDate, pages: pages, partials: partials,
      layouts: layouts, navigation: [])
    let instances = try expand(db: db, site: site)
    site.navigation = pages.filter { $0.each == nil && !$0.hidden }
      .sorted { ($0.order, $0.title, $0.name) < ($1.order, $1.title, $1.name) }
      .map { ($0.source.frontMatter["nav_title"]?.text ?? $0.title, $0.outputPath(slug: nil)) }
    site.prepareNavigation(roots: Set(instances.map(\.root)))

    // Folders first, so the parallel workers only write files.
    let fm = FileManager.default
    for folder in Set(instances.map { ($0.path as NSString).deletingLastPathComponent }).sorted() {
      try fm.createDirectory(
        at: directory.appendingPathComponent(folder, isDirectory: true), withIntermediateDirectories: true)
    }
    // Each worker renders and writes its page; results are gathered in page
    // order, so warnings (and the first error) do not depend on scheduling.
    let outputs = Mutex<[Int: Result<[String], Error>]>([:])
    let frozen = site
    let base = directory.path + "/"
    DispatchQueue.concurrentPerform(iterations: instances.count) { i in
      let result = Result { () throws -> [String] in
        let connection = try database.map { try Database(path: $0.path, readOnly: true) }
        let output = try PageRenderer(instance: instances[i], site: frozen, db: connection).render()
        if let previous {
          try previous.write(output.html, path: instances[i].path, staged: base)
          for csv in output.csv { try previous.write(csv.text, path: csv.path, staged: base) }
        } else {
          try FileWriter.write(output.html, toPath: base + instances[i].path)
          for csv in output.csv { try FileWriter.write(csv.text, toPath: base + csv.path) }
        }
        return output.warnings
      }
      outputs.withLock { $0[i] = result }
    }
    var report = Report()
    for i in instances.indices {
      guard let result = outputs.withLock({ $0[i] }) else { continue }
      report.warnings += try result.get()
      report.pages += 1
    }
    return report
  }

  /// One instance per plain page, one per row for `each:` pages.
  func expand(db: Database?, site: SiteContext) throws -> [PageInstance] {
    var instances: [PageInstance] = []
    for page in pages {
      guard let sql = page.each else {
        instances.append(PageInstance(file: page, path: page.outputPath(slug: nil), row: [:], rowTitle: nil))
        continue
      }
      let entry = page.source.frontMatter.entry("each")
      guard let db else {
        throw page.source.error("`each:` needs data, and this project has none", line: entry?.line ?? 1)
      }
      let result = try PageQueries(db: db, page: page.source).run(
        sql, line: entry?.line ?? 1, column: entry?.column ?? 1, parameters: site.parameters)
      var slugIndex = 0
      if let column = page.slugColumn {
        guard let index = result.index(of: column) else {
          throw page.source.error(
            "slug column '\(column)' is not in the `each` query; its columns: \(result.columns.joined(separator: ", "))",
            line: page.source.frontMatter.entry("slug")?.line ?? 1)
        }
        slugIndex = index
      }
      var seen: Set<String> = []
      for row in result.rows {
        var name = slug(row[slugIndex].text ?? "", fallback: "item")
        var n = 2
        while !seen.insert(name).inserted {
          name = slug(row[slugIndex].text ?? "", fallback: "item") + "-\(n)"
          n += 1
        }
        let values = Dictionary(zip(result.columns, row), uniquingKeysWith: { a, _ in a })
        instances.append(
          PageInstance(file: page, path: page.outputPath(slug: name), row: values, rowTitle: row[slugIndex].text))
      }
    }
    return instances
  }

  static func hasTable(_ db: Database, _ name: String) throws -> Bool {
    let statement = try db.prepare("SELECT 1 FROM sqlite_master WHERE name = ?")
    try statement.bind(.text(name), at: 1)
    return try statement.step()
  }
}
