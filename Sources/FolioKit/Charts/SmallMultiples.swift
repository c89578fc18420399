/// A grid of small charts of one type (one per agency or service) sharing their scales,
/// so panels compare at a glance.
public struct SmallMultiples: Sendable {
  /// Chart types that can be repeated.
  public enum Kind: String, Sendable { case line, bar, scatter, heatmap, sparkline, bullet }

  /// One panel: its title and its series.
  public struct Panel: Sendable {
    public var title: String
    public var series: [ChartSeries]
    public init(title: String, series: [ChartSeries]) {
      self.title = title
      self.series = series
    }
  }

  public var kind: Kind
  public var panels: [Panel]
  public var options: ChartOptions
  /// Panels per row.
  public var columns: Int

  public init(kind: Kind, panels: [Panel], options: ChartOptions = ChartOptions(), columns: Int = 3) {
    self.kind = kind
    self.panels = panels
    self.options = options
    self.columns = max(1, columns)
  }

  /// Splits series into one panel per series (the usual "one per agency").
  public init(kind: Kind, splitting series: [ChartSeries], options: ChartOptions = ChartOptions(), columns: Int = 3) {
    self.init(kind: kind, panels: series.map { Panel(title: $0.name, series: [ChartSeries(name: "", points: $0.points)]) }, options: options, columns: columns)
  }

  /// The SVG text.
  public func svg() -> String {
    let o = options
    let cols = min(columns, max(1, panels.count))
    let rows = (panels.count + cols - 1) / cols
    // The header carries what every panel shares: title, y label and target.
    var note = o.yLabel
    if let t = o.target, kind == .line {
      note += (note.isEmpty ? "" : " · ") + "dashed line: " + (t.label.isEmpty ? "" : t.label + " ") + o.format.string(t.value)
    }
    // Heatmaps share one colour legend, drawn once in the header.
    let legendH = kind == .heatmap ? 22.0 : 0
    let titleH = (o.title.isEmpty ? 0.0 : 30.0) + (note.isEmpty ? 0 : 16) + legendH
    let pw = o.width / Double(cols)
    let ph: Double
    switch kind {
    case .sparkline: ph = max(56, min(96, pw * 0.35))
    case .bullet: ph = 56
    // A heatmap panel is as tall as its grid (24 px rows), not a fixed chart height.
    case .heatmap: ph = 68 + 24 * Double(max(1, panels.map(\.series.count).max() ?? 1))
    default: ph = max(120, min(220, pw * 0.7))
    }
    let height = titleH + Double(max(1, rows)) * ph
    var root = o
    root.height = height
    var c = ChartCanvas(width: o.width, height: height)
    let all = panels.flatMap(\.series)
    let summary = o.summary.isEmpty ? "\(panels.count) small \(kind.rawValue) charts sharing one scale: \(panels.map(\.title).joined(separator: ", "))." : o.summary
    c.begin(kind: "multiples", options: root, title: o.title.isEmpty ? "Small multiples" : o.title, summary: summary)
    let below = c.drawTitle(o.title)
    if !note.isEmpty { c.drawYLabel(note, x: 8, y: below + 6) }
    guard !panels.isEmpty else {
      c.drawNoData(top: titleH + 8)
      return c.finish()
    }
    // Shared scales: one y domain (and one x domain for scatters) across all panels.
    var shared = o
    shared.title = ""
    shared.summary = ""
    shared.width = pw
    shared.height = ph
    shared.explicitSize = false
    shared.isPanel = true
    shared.xLabel = ""
    let ys = all.flatMap { $0.points.compactMap(\.value) }
    if o.yDomain == nil, !ys.isEmpty {
      var values = ys
      if kind == .bar && o.barMode == .stacked {
        values += panels.map { p in BarChart(series: p.series, options: o).table().values.reduce(0.0) { $0 + ($1.compactMap { $0 }.max() ?? 0) } }
      }
      let d = ValueDomain.make(values, include: o.target.map { [$0.value] } ?? [], zero: kind == .bar || o.zeroY, log: o.logY, fixed: nil, ticks: 4)
      shared.yDomain = d.lo...d.hi
    }
    if kind == .scatter, o.xDomain == nil {
      let xs = all.flatMap { $0.points.compactMap { p -> Double? in if case .number(let n) = p.x { return n } else { return nil } } }
      if let lo = xs.min(), let hi = xs.max() {
        let d = ValueDomain.make([lo, hi], zero: false, log: false, fixed: nil, ticks: 4)
        shared.xDomain = d.lo...d.hi
      }
    }
    // Heatmaps: one colour domain over every panel's cells, and its legend in the header.
    var colors: ClosedRange<Double>?
    if kind == .heatmap, let lo = ys.min(), let hi = ys.max() {
      colors = lo...hi
      Heatmap.drawLegend(&c, lo: lo, hi: hi, format: o.format, width: o.width, top: titleH - legendH)
    }
    // Sparklines: one y range over all panels (the data's own, not padded to nice ticks).
    let sparkRange = o.yDomain ?? ys.min().flatMap { lo in ys.max().map { lo...$0 } }
    // Bullets: one maximum over every measure and the target, made nice.
    let measures = panels.compactMap { $0.series.first?.points.first?.value }
    let bulletMax = Ticks.nice(0, max(([o.target?.value].compactMap { $0 } + measures).max() ?? 1, 1e-9), count: 4).1
    for (i, panel) in panels.enumerated() {
      var po = shared
      po.title = panel.title
      let origin = (x: Double(i % cols) * pw, y: titleH + Double(i / cols) * ph)
      switch kind {
      case .line: c.svg.raw(LineChart(series: panel.series, options: po).render(nested: origin))
      case .bar: c.svg.raw(BarChart(series: panel.series, options: po).render(nested: origin))
      case .scatter: c.svg.raw(ScatterChart(series: panel.series, options: po).render(nested: origin))
      case .heatmap:
        var h = Heatmap(series: panel.series, options: po)
        h.colorDomain = colors
        h.showsLegend = false
        c.svg.raw(h.render(nested: origin))
      case .sparkline, .bullet:
        c.svg.raw(smallPanel(panel, options: po, origin: origin, size: (pw, ph), sparkRange: sparkRange, bulletMax: bulletMax))
      }
    }
    return c.finish()
  }

  /// A sparkline or bullet panel: the title, the latest value and the word-sized chart below.
  private func smallPanel(
    _ panel: Panel, options po: ChartOptions, origin: (x: Double, y: Double), size: (w: Double, h: Double),
    sparkRange: ClosedRange<Double>?, bulletMax: Double
  ) -> String {
    var pc = ChartCanvas(width: size.w, height: size.h)
    pc.begin(kind: kind.rawValue, options: po, title: "", summary: "", nested: origin)
    let top = pc.drawTitle(panel.title, panel: true)
    let points = panel.series.first?.points ?? []
    let shown = kind == .bullet ? points.first?.value : points.last(where: { $0.value != nil })?.value
    if let shown {
      pc.svg.label(po.format.string(shown), x: size.w - 8, y: 16, anchor: "end", cls: "fc-panel-value", size: 12, fill: ChartStyle.textColor, weight: "600")
    }
    let w = max(20, size.w - 16), h = max(12, min(kind == .bullet ? 22 : 60, size.h - top - 8))
    var inner = po
    inner.title = panel.title
    let chart: String
    if kind == .bullet {
      chart = BulletGraph(value: points.first?.value, target: po.target?.value, maximum: bulletMax, options: inner, width: w, height: h).svg()
    } else {
      var spark = Sparkline(points.map(\.y), options: inner, width: w, height: h)
      spark.yDomain = sparkRange
      chart = spark.svg()
    }
    pc.svg.raw("<g transform=\"translate(8 " + SVGWriter.num(top) + ")\">" + chart + "</g>")
    return pc.finish()
  }
}
