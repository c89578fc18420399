/// The data behind a chart as display strings, for the table a page shows next to (or
/// under) a chart as its accessible fallback. The pages layer escapes it as HTML.
public struct ChartTable: Equatable, Sendable {
  /// Column names: the x title, then one column per series.
  public var header: [String]
  /// One row per x value, in axis order; missing values read as the format's dash.
  public var rows: [[String]]

  /// Builds the table: rows are the distinct x values (dates and numbers sorted, categories
  /// in order of appearance), columns the series.
  public init(series: [ChartSeries], format: ValueFormat, xTitle: String = "") {
    let model = XAxisModel(series)
    var xs: [ChartX] = []
    var seen: Set<ChartX> = []
    for s in series { for p in s.points where seen.insert(p.x).inserted { xs.append(p.x) } }
    if model.kind != .category { xs.sort { model.coordinate($0) < model.coordinate($1) } }
    header = [xTitle] + series.enumerated().map { $1.name.isEmpty ? "Value \($0 + 1)" : $1.name }
    let lookup = series.map { s in Dictionary(s.points.map { ($0.x, $0.y) }, uniquingKeysWith: { _, last in last }) }
    rows = xs.map { x in [x.label] + lookup.map { format.string($0[x] ?? nil) } }
  }
}
