import Foundation

/// ```chart line data=trend x=month_key y=stability_score series=agency_name target=85 bands=peaks```
///
/// Feeds a query's columns to the chart engine and places the SVG with its
/// data table (a `<details>` fallback) and a CSV download link.
enum ChartComponent {
  static let options = [
    "data", "x", "y", "series", "size", "label", "title", "summary", "x-label", "y-label", "format",
    "x-format", "target", "target-label", "bands", "ref-x", "ref-y", "ref-x-label", "ref-y-label",
    "quadrants", "stacked", "horizontal", "sort", "value-labels", "log", "zero", "multiples",
    "panels-per-row", "height", "width", "y-labels",
  ]

  static func render(_ input: ComponentInput) throws -> String {
    guard let type = input.directive.arguments.first else {
      throw input.error("`chart` needs a type first: chart \(Chart.typeNames.joined(separator: "|")) data=QUERY …")
    }
    guard Chart.typeNames.contains(type) else {
      throw input.error("unknown chart type '\(type)'; known: \(Chart.typeNames.joined(separator: ", "))")
    }
    let (name, result) = try input.data()
    var options = try chartOptions(input, result: result)
    let series = try buildSeries(input, type: type, result: result)
    let svg: String
    if let split = input.option("multiples") {
      let splitIndex = try input.column(split, in: result, option: "multiples")
      guard let kind = SmallMultiples.Kind(rawValue: type) else {
        throw input.error("multiples= does not work with this chart type", option: "multiples")
      }
      let perRow = Int(try input.number("panels-per-row") ?? 3)
      var order: [String] = []
      var rowsByPanel: [String: [[SQLValue]]] = [:]
      for row in result.rows {
        let key = row[splitIndex].text ?? "–"
        if rowsByPanel[key] == nil { order.append(key) }
        rowsByPanel[key, default: []].append(row)
      }
      let panels = try order.map { key in
        SmallMultiples.Panel(
          title: key,
          series: try buildSeries(input, type: type, result: QueryResult(columns: result.columns, rows: rowsByPanel[key] ?? [])))
      }
      options.height = max(options.height, 160)
      svg = SmallMultiples(kind: kind, panels: panels, options: options, columns: perRow).svg()
    } else {
      guard let chart = Chart(type: type, series: series, options: options) else {
        throw input.error("unknown chart type '\(type)'")
      }
      svg = chart.render()
    }
    try input.finish(known: options_)
    return """
      <figure class="chart chart-\(esc(type))">\(svg)\
      <details class="chart-data"><summary>Data table</summary>\(dataTable(result))</details>\
      \(input.downloadLink(name))</figure>

      """
  }

  private static var options_: [String] { options }

  static func chartOptions(_ input: ComponentInput, result: QueryResult) throws -> ChartOptions {
    var o = ChartOptions()
    o.title = input.option("title") ?? ""
    o.summary = input.option("summary") ?? ""
    o.xLabel = input.option("x-label") ?? ""
    o.yLabel = input.option("y-label") ?? ""
    if let f = try input.format("format") {
      o.format = f
    } else if let y = input.option("y")?.split(separator: ",").first {
      let column = y.trimmingCharacters(in: .whitespaces)
      let guess = ValueFormat.guess(column: column, sample: result.index(of: column).flatMap { i in result.rows.first?[i] })
      if guess.kind != .text && guess.kind != .month { o.format = guess }
    }
    if let f = try input.format("x-format") { o.xFormat = f }
    if let t = try input.number("target") { o.target = .init(t, label: input.option("target-label") ?? "Target") }
    if let bandsQuery = input.option("bands") {
      guard let bands = input.queries[bandsQuery] else {
        throw input.error("unknown query '\(bandsQuery)' for bands", option: "bands")
      }
      guard bands.columns.count >= 2 else {
        throw input.error("the bands query needs columns (from, to[, label])", option: "bands")
      }
      o.bands = bands.rows.compactMap { row in
        guard let from = row[0].text, let to = row[1].text else { return nil }
        return ChartOptions.Band(from: from, to: to, label: bands.columns.count > 2 ? row[2].text ?? "" : "")
      }
    }
    if let x = try input.number("ref-x") { o.references.append(.init(.x, x, label: input.option("ref-x-label") ?? "")) }
    if let y = try input.number("ref-y") { o.references.append(.init(.y, y, label: input.option("ref-y-label") ?? "")) }
    if let q = input.option("quadrants") { o.quadrants = q.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    if input.flag("stacked") { o.barMode = .stacked }
    if input.flag("horizontal") { o.orientation = .horizontal }
    if let sort = input.option("sort") {
      switch sort {
      case "asc", "ascending": o.sort = .ascending
      case "desc", "descending": o.sort = .descending
      case "none": o.sort = .none
      default: throw input.error("sort is asc, desc or none", option: "sort")
      }
    }
    if let labels = input.option("value-labels") { o.valueLabels = labels != "false" && labels != "no" }
    o.logY = input.flag("log")
    o.zeroY = input.flag("zero")
    if let h = try input.number("height") { o.height = h }
    if let w = try input.number("width") { o.width = w }
    return o
  }

  /// Series from columns: one per `series=` value, or one per `y=` column.
  static func buildSeries(_ input: ComponentInput, type: String, result: QueryResult) throws -> [ChartSeries] {
    guard let xName = input.option("x") else { throw input.error("`chart` needs x=COLUMN") }
    guard let yNames = input.option("y") else { throw input.error("`chart` needs y=COLUMN") }
    let x = try input.column(xName, in: result, option: "x")
    let ys = try yNames.split(separator: ",").map {
      try input.column($0.trimmingCharacters(in: .whitespaces), in: result, option: "y")
    }
    let seriesIndex = try input.option("series").map { try input.column($0, in: result, option: "series") }
    let sizeIndex = try input.option("size").map { try input.column($0, in: result, option: "size") }
    let labelIndex = try input.option("label").map { try input.column($0, in: result, option: "label") }
    let yLabels = input.option("y-labels")?.split(separator: "|").map(String.init)
    if seriesIndex != nil, ys.count > 1 {
      throw input.error("use either series=COLUMN or several y= columns, not both", option: "series")
    }
    func point(_ row: [SQLValue], y: Int) -> ChartPoint {
      let xValue: ChartX =
        type == "scatter" ? (row[x].double.map { .number($0) } ?? .category(row[x].text ?? ""))
        : ChartX.parse(row[x].text ?? "")
      return ChartPoint(
        x: xValue, y: row[y].double, size: sizeIndex.flatMap { row[$0].double },
        label: labelIndex.flatMap { row[$0].text })
    }
    if let seriesIndex {
      var order: [String] = []
      var points: [String: [ChartPoint]] = [:]
      for row in result.rows {
        let name = row[seriesIndex].text ?? "–"
        if points[name] == nil { order.append(name) }
        points[name, default: []].append(point(row, y: ys[0]))
      }
      return order.map { ChartSeries(name: $0, points: points[$0] ?? []) }
    }
    return ys.enumerated().map { i, y in
      let name = yLabels.flatMap { i < $0.count ? $0[i] : nil } ?? (ys.count == 1 ? "" : humanize(result.columns[y]))
      return ChartSeries(name: name, points: result.rows.map { point($0, y: y) })
    }
  }

  /// The chart's rows as a plain table (the accessible fallback), at most 200 rows.
  static func dataTable(_ result: QueryResult) -> String {
    var html = "<table class=\"data-table compact\"><thead><tr>"
    let formats = result.columns.indices.map { i in
      ValueFormat.guess(column: result.columns[i], sample: result.rows.first { !$0[i].isNull }?[i])
    }
    for c in result.columns { html += "<th scope=\"col\">\(esc(humanize(c)))</th>" }
    html += "</tr></thead><tbody>"
    for row in result.rows.prefix(200) {
      html += "<tr>" + row.enumerated().map { "<td>\(esc(formats[$0.offset].string($0.element)))</td>" }.joined() + "</tr>"
    }
    if result.rows.count > 200 {
      html += "<tr><td colspan=\"\(result.columns.count)\">… \(result.rows.count - 200) more rows in the CSV</td></tr>"
    }
    return html + "</tbody></table>"
  }
}
