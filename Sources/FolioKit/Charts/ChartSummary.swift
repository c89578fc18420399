/// One-sentence descriptions generated from the data, for `<desc>` and screen readers:
/// what is shown, the range, the extremes and the trend.
enum ChartSummary {
  static func line(_ series: [ChartSeries], options o: ChartOptions) -> String {
    let f = o.format
    var extremes: (min: (Double, String, String), max: (Double, String, String))?
    var firstX: ChartX?, lastX: ChartX?
    var firstC = Double.infinity, lastC = -Double.infinity
    let model = XAxisModel(series)
    var missing = 0
    for s in series {
      for p in s.points {
        guard let v = p.value else {
          missing += 1
          continue
        }
        let c = model.coordinate(p.x)
        if c < firstC {
          firstC = c
          firstX = p.x
        }
        if c > lastC {
          lastC = c
          lastX = p.x
        }
        if var e = extremes {
          if v < e.min.0 { e.min = (v, s.name, p.x.label) }
          if v > e.max.0 { e.max = (v, s.name, p.x.label) }
          extremes = e
        } else {
          extremes = ((v, s.name, p.x.label), (v, s.name, p.x.label))
        }
      }
    }
    guard let e = extremes, let firstX, let lastX else { return "Line chart with no data." }
    let count = series.count == 1 ? "one series" : "\(series.count) series"
    var text = "Line chart of \(count) from \(firstX.label) to \(lastX.label). "
    func at(_ t: (Double, String, String)) -> String {
      f.string(t.0) + " (" + (series.count > 1 ? t.1 + ", " : "") + t.2 + ")"
    }
    if e.min.0 == e.max.0 {
      text += "All values are \(f.string(e.min.0))."
    } else {
      text += "Values range from \(at(e.min)) to \(at(e.max))."
    }
    if series.count == 1, let s = series.first, let a = s.points.first(where: { $0.value != nil })?.value,
      let b = s.points.last(where: { $0.value != nil })?.value, a != b
    {
      text += " It \(b > a ? "rises" : "falls") from \(f.string(a)) to \(f.string(b))."
    }
    if let t = o.target {
      let all = series.flatMap { $0.points.compactMap(\.value) }
      let below = all.filter { $0 < t.value }.count
      text += " \(below) of \(all.count) values are below the \(t.label.isEmpty ? "target" : t.label.lowercased()) of \(f.string(t.value))."
    }
    if missing > 0 { text += " \(missing) value\(missing == 1 ? " is" : "s are") missing." }
    return text
  }

  static func bars(categories: [String], totals: [Double], series: [ChartSeries], options o: ChartOptions) -> String {
    guard let maxI = totals.indices.max(by: { totals[$0] < totals[$1] }),
      let minI = totals.indices.min(by: { totals[$0] < totals[$1] })
    else { return "Bar chart with no data." }
    let f = o.format
    var text = "Bar chart of \(categories.count) categor\(categories.count == 1 ? "y" : "ies")"
    if series.count > 1 { text += " in \(series.count) \(o.barMode == .stacked ? "stacked" : "grouped") series (\(series.map(\.name).joined(separator: ", ")))" }
    text += ". Highest: \(categories[maxI]) at \(f.string(totals[maxI]))"
    if categories.count > 1 { text += "; lowest: \(categories[minI]) at \(f.string(totals[minI]))" }
    return text + "."
  }

  static func scatter(count: Int, xs: (Double, Double), ys: (Double, Double), options o: ChartOptions, binned: Bool, xText: ((Double) -> String)? = nil) -> String {
    guard count > 0 else { return "Scatter plot with no data." }
    let xf = xText ?? { o.xFormat.string($0) }
    let xName = o.xLabel.isEmpty ? "x" : o.xLabel
    let yName = o.yLabel.isEmpty ? "y" : o.yLabel
    var text = "Scatter plot of \(count) points: \(xName) from \(xf(xs.0)) to \(xf(xs.1)), \(yName) from \(o.format.string(ys.0)) to \(o.format.string(ys.1))."
    if binned { text += " Points are binned; darker squares hold more points." }
    return text
  }
}
