/// One entry point for the pages layer: a chart of any type, rendered to SVG text.
public enum Chart: Sendable {
  case line(LineChart)
  case bar(BarChart)
  case scatter(ScatterChart)
  case heatmap(Heatmap)
  case sparkline(Sparkline)
  case bullet(BulletGraph)
  case multiples(SmallMultiples)

  /// The chart type names a directive may use (`chart line ...`).
  public static let typeNames = ["line", "bar", "scatter", "heatmap", "sparkline", "bullet"]

  /// A chart of the named type over series; nil for an unknown name. Bullet graphs read
  /// the first point of the first series as the measure and `options.target` as the target.
  public init?(type: String, series: [ChartSeries], options: ChartOptions = ChartOptions()) {
    switch type.lowercased() {
    case "line", "trend": self = .line(LineChart(series: series, options: options))
    case "bar", "bars", "column": self = .bar(BarChart(series: series, options: options))
    case "scatter": self = .scatter(ScatterChart(series: series, options: options))
    case "heatmap": self = .heatmap(Heatmap(series: series, options: options))
    case "sparkline": self = .sparkline(Sparkline(series.first?.points.map(\.y) ?? [], options: options))
    case "bullet":
      let value = series.first?.points.first?.value
      self = .bullet(BulletGraph(value: value, target: options.target?.value, options: options))
    default: return nil
    }
  }

  /// The SVG text.
  public func render() -> String {
    switch self {
    case .line(let c): return c.svg()
    case .bar(let c): return c.svg()
    case .scatter(let c): return c.svg()
    case .heatmap(let c): return c.svg()
    case .sparkline(let c): return c.svg()
    case .bullet(let c): return c.svg()
    case .multiples(let c): return c.svg()
    }
  }
}
