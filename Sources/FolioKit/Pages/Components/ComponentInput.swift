import Foundation

/// What a component block sees: its directive, the page's query results, and
/// helpers that turn every mistake into an error at the exact column.
final class ComponentInput {
  let block: FencedBlock
  let page: PageSource
  let queries: [String: QueryResult]
  /// Relative prefix from this page to the edition root (`""`, `"../"`).
  let root: String
  /// Relative link of a query's CSV file, when it was written.
  let csvHref: (String) -> String?
  private var used: Set<String> = []

  init(
    block: FencedBlock, page: PageSource, queries: [String: QueryResult], root: String,
    csvHref: @escaping (String) -> String?
  ) {
    self.block = block
    self.page = page
    self.queries = queries
    self.root = root
    self.csvHref = csvHref
  }

  var directive: Directive { block.directive }

  /// An option's value; marks it as understood.
  func option(_ key: String) -> String? {
    used.insert(key)
    return directive.option(key)?.value
  }

  func flag(_ key: String) -> Bool {
    guard let value = option(key) else { return false }
    return value != "false" && value != "no"
  }

  func number(_ key: String) throws -> Double? {
    guard let text = option(key) else { return nil }
    guard let value = Double(text) else { throw error("\(key) must be a number, not '\(text)'", option: key) }
    return value
  }

  func format(_ key: String) throws -> ValueFormat? {
    guard let text = option(key) else { return nil }
    guard let format = ValueFormat(spec: text) else {
      throw error(
        "unknown format '\(text)'; use one of \(ValueFormat.kindNames.joined(separator: ", ")) with an optional :decimals",
        option: key)
    }
    return format
  }

  /// The query named by `data=` (or `key`).
  func data(_ key: String = "data") throws -> (name: String, result: QueryResult) {
    guard let name = option(key) else {
      throw error("`\(directive.name)` needs \(key)=QUERY naming a `sql` block of this page")
    }
    guard let result = queries[name] else {
      let known = queries.keys.sorted()
      throw error(
        "unknown query '\(name)'; this page defines \(known.isEmpty ? "no queries" : known.joined(separator: ", ")) (a `sql NAME` block must come before its use)",
        option: key)
    }
    return (name, result)
  }

  /// The index of a column, or an error listing the columns the query has.
  func column(_ name: String, in result: QueryResult, option key: String) throws -> Int {
    if let index = result.index(of: name) { return index }
    throw error("query has no column '\(name)'; its columns: \(result.columns.joined(separator: ", "))", option: key)
  }

  /// Every option must have been understood; a typo is an error, not a silent default.
  func finish(known: [String]) throws {
    for option in directive.options where !used.contains(option.key) {
      throw page.error(
        "unknown option '\(option.key)' for `\(directive.name)`; known: \(known.joined(separator: ", "))",
        line: directive.line, column: option.column)
    }
  }

  /// An error at the directive (or at one of its options).
  func error(_ message: String, option key: String? = nil) -> FolioError {
    let column = key.flatMap { directive.option($0)?.valueColumn } ?? directive.column
    return page.error(message, line: directive.line, column: column)
  }

  /// The "download data" link under a table or chart.
  func downloadLink(_ query: String) -> String {
    guard let href = csvHref(query) else { return "" }
    return "<a class=\"download\" href=\"\(esc(href))\">Download data (CSV)</a>"
  }
}

/// HTML-escapes text for element content and attribute values.
func esc(_ text: String) -> String { HTMLEscaping.escapeText(text) }

extension ValueFormat {
  /// A sensible format from a column's name, for tables and cards without `format=`.
  static func guess(column: String, sample: SQLValue?) -> ValueFormat {
    let name = column.lowercased()
    if name.hasSuffix("_pct") || name.hasSuffix("_rate") { return ValueFormat(.pct, decimals: 1) }
    if name.hasSuffix("_ms") { return ValueFormat(.ms) }
    if name.hasSuffix("_usd") || name.contains("cost") { return ValueFormat(.usd) }
    if name.hasSuffix("_score") { return ValueFormat(.num, decimals: 1) }
    if name == "month_key" || name == "month" { return ValueFormat(.month) }
    if case .integer = sample { return ValueFormat(.int) }
    if case .real = sample { return ValueFormat(.num) }
    return ValueFormat(.text)
  }

  /// Formats a SQL value: numbers by the spec, text through `string(text:)`.
  func string(_ value: SQLValue) -> String {
    switch value {
    case .null: return ValueFormat.missing
    case .text(let s): return string(text: s)
    default: return kind == .text ? (value.text ?? "") : string(value.double)
    }
  }
}

/// `sla_breach_rate_pct` → `SLA breach rate (%)`.
func humanize(_ column: String) -> String {
  var words = column.split(separator: "_").map(String.init)
  var unit = ""
  if let last = words.last {
    switch last {
    case "pct": unit = " (%)"
    case "ms": unit = " (ms)"
    case "usd": unit = " (USD)"
    default: break
    }
    if !unit.isEmpty { words.removeLast() }
  }
  let mapped = words.map { w -> String in
    switch w {
    case "sla", "slo", "id", "usd", "aws": return w.uppercased()
    default: return w
    }
  }
  var text = mapped.joined(separator: " ")
  if let first = text.first { text = first.uppercased() + text.dropFirst() }
  return text + unit
}
