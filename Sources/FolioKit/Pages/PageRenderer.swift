import Foundation

/// Renders one page instance: runs its SQL, fills its Mustache, parses the
/// Markdown, replaces component blocks with HTML, and wraps it in its layout.
struct PageRenderer {
  let instance: PageInstance
  let site: SiteContext
  let db: Database?

  struct Output {
    var html: String
    /// CSV files of the queries behind tables and charts: path → text.
    var csv: [(path: String, text: String)]
    var warnings: [String]
  }

  func render() throws -> Output {
    let source = instance.file.source
    var warnings: [String] = []
    var queries: [String: QueryResult] = [:]
    var parameters = site.parameters
    for (k, v) in instance.row { parameters[k] = v }

    // 1. Named SQL blocks, in page order.
    for block in source.blocks where block.directive.name == "sql" {
      guard let name = block.directive.arguments.first else {
        throw source.error("a `sql` block needs a name: ```sql NAME", line: block.line, column: block.column)
      }
      // The name becomes a template name and part of a CSV file name: keep it plain.
      guard let first = name.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first),
        name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) })
      else {
        throw source.error(
          "query name '\(name)' must be letters, digits and _ (starting with a letter)", line: block.line,
          column: block.directive.argumentColumns.first ?? block.column)
      }
      guard let db else {
        throw source.error("`sql \(name)`: this project has no data, so there is no database to query", line: block.line, column: block.column)
      }
      if queries[name] != nil {
        throw source.error("query '\(name)' is defined twice on this page", line: block.line, column: block.directive.argumentColumns.first ?? block.column)
      }
      var result = try PageQueries(db: db, page: source).run(block.content, line: block.contentLine, parameters: parameters)
      if block.directive.option("compare") != nil {
        result = try ComparisonQuery.apply(block, page: source, to: result)
      }
      queries[name] = result
    }

    // 2. Mustache over the body, component blocks swapped for placeholders.
    var context = site.context(for: instance)
    for (name, result) in queries { context[name] = result.templateRows }
    let body = source.bodyReplacingBlocks { PageSource.placeholder($0) }
    let template = try Template(source: body, path: source.path, lineOffset: source.bodyStartLine - 1)
    let filled = try template.renderReport(
      .object(context), partials: site.partials, options: RenderOptions(collectMissing: true, escaping: .markdown))
    warnings += filled.missing.map(\.description)

    // 3. Markdown, with each component rendered in place of its placeholder.
    var used: Set<String> = []
    var csvFiles: [(String, String)] = []
    let base = instance.path.hasSuffix(".html") ? String(instance.path.dropLast(5)) : instance.path
    let fileName = base.split(separator: "/").last.map(String.init) ?? base
    func csvHref(_ query: String) -> String? {
      guard let result = queries[query] else { return nil }
      if !csvFiles.contains(where: { $0.0 == "\(base).\(query).csv" }) {
        csvFiles.append(("\(base).\(query).csv", result.csvText()))
      }
      return "\(fileName).\(query).csv"
    }
    var componentError: Error?
    let document = CommonMark.parse(filled.output)
    let content = MarkdownHTML.render(document) { node in
      guard componentError == nil, let index = PageSource.placeholderIndex(node), index < source.blocks.count else {
        return nil
      }
      let block = source.blocks[index]
      if block.directive.name == "sql" { return "" }
      do {
        let input = ComponentInput(block: block, page: source, queries: queries, root: instance.root, csvHref: csvHref)
        let html = try Components.render(input)
        if let q = block.directive.option("data")?.value { used.insert(q) }
        if let q = input.directive.option("bands")?.value { used.insert(q) }
        if let q = block.directive.option("data")?.value, queries[q]?.rows.isEmpty == true, block.directive.name == "chart" {
          warnings.append("\(source.path):\(block.line): chart over query '\(q)' has no rows for this edition")
        }
        return html
      } catch {
        componentError = error
        return ""
      }
    }
    if let componentError { throw componentError }
    for name in queries.keys.sorted() where !used.contains(name) {
      if !body.contains(name) {
        let line = source.blocks.first { $0.directive.arguments.first == name }?.line ?? 0
        warnings.append("\(source.path):\(line): query '\(name)' is never used")
      }
    }

    // 4. The layout.
    context["content"] = .string(content)
    let html = try site.layout(named: instance.file.layoutName, page: source)
      .render(.object(context), partials: site.partials)
    return Output(html: html, csv: csvFiles, warnings: warnings)
  }
}

/// Dispatches a component block to its renderer.
enum Components {
  static let names = ["chart", "table", "card", "value"]

  static func render(_ input: ComponentInput) throws -> String {
    switch input.directive.name {
    case "table": return try TableComponent.render(input)
    case "card": return try CardComponent.render(input)
    case "chart": return try ChartComponent.render(input)
    case "value": return try ValueComponent.render(input)
    default:
      throw input.error("unknown component '\(input.directive.name)'; known: \(names.joined(separator: ", "))")
    }
  }
}

/// ```value data=q column=stability format=num:1```: one figure, as a big standalone number.
enum ValueComponent {
  static func render(_ input: ComponentInput) throws -> String {
    let (_, result) = try input.data()
    guard let column = input.option("column") else { throw input.error("`value` needs column=NAME") }
    let index = try input.column(column, in: result, option: "column")
    let row = Int(try input.number("row") ?? 0)
    let value = row < result.rows.count ? result.rows[row][index] : .null
    let format = try input.format("format") ?? ValueFormat.guess(column: column, sample: value)
    try input.finish(known: ["data", "column", "row", "format"])
    return "<p class=\"value\">\(esc(format.string(value)))</p>\n"
  }
}
