import Foundation

/// ```table data=q columns="agency_name:Agency, risk_score:Risk:num:1" bars=risk_score bad="risk_score>50"```
///
/// A data table: chosen columns with labels and formats, cells coloured by
/// conditions, inline bars, sparkline columns, links to drill-down pages.
enum TableComponent {
  static let options = [
    "data", "columns", "limit", "bad", "good", "bars", "spark", "link", "caption", "class",
  ]

  struct Column {
    var index: Int
    var label: String
    var format: ValueFormat
    var isNumeric: Bool
  }

  static func render(_ input: ComponentInput, chartBridge: ChartBridge = ChartBridge()) throws -> String {
    let (name, result) = try input.data()
    let columns = try parseColumns(input, result)
    let limit = try input.number("limit").map { Int($0) }
    let bad = try Condition.parse(input, "bad", result)
    let good = try Condition.parse(input, "good", result)
    let bars = try indexes(input, "bars", result)
    let sparks = try indexes(input, "spark", result)
    let links = try parseLinks(input, result)
    let caption = input.option("caption")
    let extraClass = input.option("class").map { " " + esc($0) } ?? ""
    try input.finish(known: options)

    let rows = limit.map { Array(result.rows.prefix($0)) } ?? result.rows
    var maxima: [Int: Double] = [:]
    for b in bars { maxima[b] = rows.compactMap { $0[b].double.map(abs) }.max() ?? 0 }

    var html = "<div class=\"table-wrap\"><table class=\"data-table\(extraClass)\">"
    if let caption { html += "<caption>\(esc(caption))</caption>" }
    html += "<thead><tr>"
    for c in columns {
      html += "<th scope=\"col\"\(c.isNumeric ? " class=\"num\"" : "")>\(esc(c.label))</th>"
    }
    html += "</tr></thead><tbody>"
    if rows.isEmpty {
      html += "<tr><td class=\"empty\" colspan=\"\(columns.count)\">No rows for this edition.</td></tr>"
    }
    for row in rows {
      html += "<tr>"
      for c in columns {
        var classes: [String] = c.isNumeric ? ["num"] : []
        if bad.contains(where: { $0.matches(row, column: c.index) }) { classes.append("bad") }
        if good.contains(where: { $0.matches(row, column: c.index) }) { classes.append("good") }
        var cell = esc(c.format.string(row[c.index]))
        if let target = links[c.index], let text = row[c.index].text {
          cell = "<a href=\"\(esc(input.root + target + "/" + slug(text) + ".html"))\">\(cell)</a>"
        }
        if sparks.contains(c.index) {
          let values = (row[c.index].text ?? "").split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
          cell = chartBridge.sparkline(values)
          classes.append("spark")
        } else if bars.contains(c.index), let v = row[c.index].double, let m = maxima[c.index], m > 0 {
          let width = ValueFormat.grouped(100 * abs(v) / m, decimals: 1)
          cell = "<span class=\"bar\" style=\"width:\(width)%\"></span><span class=\"bar-value\">\(cell)</span>"
          classes.append("has-bar")
        }
        let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        html += "<td\(classAttribute)>\(cell)</td>"
      }
      html += "</tr>"
    }
    html += "</tbody></table>"
    if let limit, result.rows.count > limit {
      html += "<p class=\"table-note\">Showing \(limit) of \(result.rows.count) rows.</p>"
    }
    html += input.downloadLink(name) + "</div>\n"
    return html
  }

  /// `columns="name[:Label[:format]], ..."`; all columns when absent.
  static func parseColumns(_ input: ComponentInput, _ result: QueryResult) throws -> [Column] {
    let sample = { (i: Int) in result.rows.first { !$0[i].isNull }?[i] }
    guard let spec = input.option("columns") else {
      return result.columns.indices.map { i in
        let format = ValueFormat.guess(column: result.columns[i], sample: sample(i))
        return Column(index: i, label: humanize(result.columns[i]), format: format, isNumeric: format.kind != .text && format.kind != .month)
      }
    }
    return try spec.split(separator: ",").map { part in
      let pieces = part.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 2).map(String.init)
      let index = try input.column(pieces[0], in: result, option: "columns")
      var format = ValueFormat.guess(column: pieces[0], sample: sample(index))
      if pieces.count == 3 {
        guard let f = ValueFormat(spec: pieces[2]) else {
          throw input.error("unknown format '\(pieces[2])' for column \(pieces[0]); use one of \(ValueFormat.kindNames.joined(separator: ", "))", option: "columns")
        }
        format = f
      }
      let label = pieces.count >= 2 && !pieces[1].isEmpty ? pieces[1] : humanize(pieces[0])
      return Column(index: index, label: label, format: format, isNumeric: format.kind != .text && format.kind != .month && format.kind != .date)
    }
  }

  static func indexes(_ input: ComponentInput, _ key: String, _ result: QueryResult) throws -> Set<Int> {
    guard let spec = input.option(key) else { return [] }
    return Set(try spec.split(separator: ",").map {
      try input.column($0.trimmingCharacters(in: .whitespaces), in: result, option: key)
    })
  }

  /// `link="agency_name=agency, service_name=service"`: the cell links to `agency/<slug>.html`.
  static func parseLinks(_ input: ComponentInput, _ result: QueryResult) throws -> [Int: String] {
    guard let spec = input.option("link") else { return [:] }
    var links: [Int: String] = [:]
    for part in spec.split(separator: ",") {
      let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, !pair[1].isEmpty else {
        throw input.error("link wants column=page pairs, e.g. link=\"agency_name=agency\"", option: "link")
      }
      links[try input.column(pair[0], in: result, option: "link")] = pair[1]
    }
    return links
  }
}

/// `risk_score>50`: a cell condition for conditional colouring.
struct Condition {
  var column: Int
  var op: String
  var value: Double

  func matches(_ row: [SQLValue], column c: Int) -> Bool {
    guard c == column, let v = row[column].double else { return false }
    switch op {
    case ">": return v > value
    case ">=": return v >= value
    case "<": return v < value
    case "<=": return v <= value
    case "=": return v == value
    default: return v != value
    }
  }

  static func parse(_ input: ComponentInput, _ key: String, _ result: QueryResult) throws -> [Condition] {
    guard let spec = input.option(key) else { return [] }
    return try spec.split(separator: ",").map { part in
      let text = part.trimmingCharacters(in: .whitespaces)
      for op in [">=", "<=", "!=", ">", "<", "="] {
        guard let range = text.range(of: op) else { continue }
        let name = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let number = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
        guard let value = Double(number) else { break }
        return Condition(column: try input.column(name, in: result, option: key), op: op, value: value)
      }
      throw input.error("\(key) wants conditions like \"risk_score>50\", not '\(text)'", option: key)
    }
  }
}
