/// A line chart over months, days, numbers or categories: gaps for missing values, shaded
/// bands, a target line, direct end labels, LTTB thinning for very long series.
public struct LineChart: Sendable {
  public var series: [ChartSeries]
  public var options: ChartOptions

  public init(series: [ChartSeries], options: ChartOptions = ChartOptions()) {
    self.series = series
    self.options = options
  }

  /// The SVG text.
  public func svg() -> String { render(nested: nil) }

  func render(nested: (x: Double, y: Double)?, compact: Bool = false) -> String {
    let o = options
    let title = o.title.isEmpty ? "Line chart" : o.title
    let summary = o.summary.isEmpty ? ChartSummary.line(series, options: o) : o.summary
    var c = ChartCanvas(width: o.width, height: o.height)
    c.begin(kind: "line", options: o, title: title, summary: summary, nested: nested)
    var top = c.drawTitle(o.title, panel: o.isPanel)
    let values = series.flatMap { $0.points.compactMap(\.value) }
    guard !values.isEmpty else {
      c.drawNoData(top: top)
      return c.finish()
    }
    let xModel = XAxisModel(series)
    let useEndLabels = series.count <= 8
    if !useEndLabels {
      top = c.drawLegend(series.map(\.name), top: top) + 4
    }
    if !o.yLabel.isEmpty && !o.isPanel {
      c.drawYLabel(o.yLabel, x: 8, y: top + 8)
      top += 16
    }
    top += 4
    let dom = ValueDomain.make(
      values, include: o.target.map { [$0.value] } ?? [], zero: o.zeroY, log: o.logY, fixed: o.yDomain,
      ticks: max(2, Int((o.height - top - 30) / 45)))
    let step = dom.ticks.count > 1 ? dom.ticks[1] - dom.ticks[0] : 1
    let tickWidth = dom.ticks.map { ChartStyle.textWidth(o.format.tick($0, step: step), size: 10.5) }.max() ?? 20
    let left = 8 + tickWidth + 8
    // End labels need room on the right; cap it so the plot keeps most of the width.
    let endLabels = useEndLabels ? endLabelTexts(xModel) : []
    let endWidth = min(o.width * 0.28, (endLabels.map { ChartStyle.textWidth($0.text) * 1.08 }.max() ?? 0) + 14)
    let right = o.width - max(16, endWidth)
    let bottom = o.height - (o.xLabel.isEmpty ? 24 : 40)
    let y = LinearScale(domain: (dom.lo, dom.hi), range: (bottom, top), log: o.logY)
    // Categories sit in the middle of equal steps, not on the plot's edges.
    let pad = xModel.kind == .category ? 0.5 : 0
    let x = LinearScale(domain: (xModel.lo - pad, xModel.hi + pad), range: (left, right))

    drawBands(&c, x: x, xModel: xModel, top: top, bottom: bottom)
    c.drawYAxis(ticks: dom.ticks, scale: y, plotLeft: left, plotRight: right, format: o.format, step: step)
    c.drawXAxis(ticks: xModel.ticks(scale: x, plotWidth: right - left, format: o.xFormat), baseline: bottom, plotLeft: left, plotRight: right)
    c.drawXLabel(o.xLabel, centerX: (left + right) / 2, y: o.height - 6)
    if let target = o.target {
      let ty = y(target.value)
      c.svg.line(x1: left, y1: ty, x2: right, y2: ty, cls: "fc-target", stroke: ChartStyle.targetColor, width: 1.2, dash: "5 3")
      let text = target.label.isEmpty ? o.format.string(target.value) : target.label + " " + o.format.string(target.value)
      if !o.isPanel { c.svg.label(text, x: left + 4, y: ty - 5, cls: "fc-target-label", size: 10.5, fill: ChartStyle.targetColor, weight: "600", halo: true) }
    }
    var lastPositions: [(index: Int, y: Double)] = []
    for (si, s) in series.enumerated() {
      if let last = drawSeries(&c, s, index: si, x: x, y: y, xModel: xModel, clipBottom: bottom) {
        lastPositions.append((si, last))
      }
    }
    if useEndLabels {
      let placed = LabelPlacer.spread(lastPositions.map(\.y), minGap: 13, lo: top, hi: bottom)
      for (k, pos) in lastPositions.enumerated() {
        guard let label = endLabels.first(where: { $0.index == pos.index }) else { continue }
        let text = ChartStyle.truncate(label.text, maxWidth: (endWidth - 10) / 1.08)
        c.svg.label(text, x: right + 6, y: placed[k] + 3.5, cls: "fc-end-label s\(pos.index % 8)", fill: ChartStyle.color(pos.index), weight: "600")
      }
    }
    return c.finish()
  }

  /// One label per series with a last value: its name (or the value for a lone series).
  private func endLabelTexts(_ xModel: XAxisModel) -> [(index: Int, text: String)] {
    series.enumerated().compactMap { i, s in
      // The last drawn point: latest x, finite, and positive on a log scale.
      let drawn = s.points.filter { p in p.value.map { !(options.logY && $0 <= 0) } ?? false }
      let maxX = drawn.map { xModel.coordinate($0.x) }.max()
      let lastPoint = xModel.kind == .category ? drawn.last : drawn.last { xModel.coordinate($0.x) == maxX }
      guard let last = lastPoint?.value else { return nil }
      if series.count == 1 { return (i, s.name.isEmpty ? options.format.string(last) : s.name + " " + options.format.string(last)) }
      return (i, s.name)
    }
  }

  private func drawBands(_ c: inout ChartCanvas, x: LinearScale, xModel: XAxisModel, top: Double, bottom: Double) {
    guard xModel.kind == .time else { return }
    for band in options.bands {
      guard let a = ChartDate(iso: band.from), let b = ChartDate(iso: band.to) else { continue }
      // A band covers whole steps: half a step either side of its first and last points.
      let half = xModel.unit / 2
      let x0 = max(x.range.0, x(Double(min(a.day, b.day)) - half))
      let x1 = min(x.range.1, x(Double(max(a.day, b.day)) + half))
      guard x1 > x0 else { continue }
      c.svg.rect(x: x0, y: top, w: x1 - x0, h: bottom - top, cls: "fc-band", fill: ChartStyle.bandColor)
      if !band.label.isEmpty && !options.isPanel && ChartStyle.textWidth(band.label, size: 10) < x1 - x0 + 20 {
        c.svg.label(band.label, x: (x0 + x1) / 2, y: top + 10, anchor: "middle", cls: "fc-band-label", size: 10, fill: ChartStyle.mutedText)
      }
    }
  }

  /// Draws one series as a path broken at gaps; returns the y of its last drawn point.
  private func drawSeries(
    _ c: inout ChartCanvas, _ s: ChartSeries, index si: Int, x: LinearScale, y: LinearScale,
    xModel: XAxisModel, clipBottom: Double
  ) -> Double? {
    // Segments of consecutive finite values; a nil or NaN ends a segment.
    var segments: [[(Double, Double, Int)]] = []
    var current: [(Double, Double, Int)] = []
    let sorted = xModel.kind == .category ? Array(s.points.enumerated()) : s.points.enumerated().sorted { xModel.coordinate($0.element.x) < xModel.coordinate($1.element.x) }
    for (i, p) in sorted {
      if let v = p.value, !(options.logY && v <= 0) {
        current.append((xModel.coordinate(p.x), v, i))
      } else if !current.isEmpty {
        segments.append(current)
        current = []
      }
    }
    if !current.isEmpty { segments.append(current) }
    guard !segments.isEmpty else { return nil }
    let total = segments.reduce(0) { $0 + $1.count }
    // The drawing budget is shared by all series so many long series still fit in 60 KB.
    let budget = max(3, min(options.thinningThreshold, max(40, 3000 / max(1, series.count))))
    let color = ChartStyle.color(si)
    c.svg.raw("<path class=\"fc-line s\(si % 8)\" d=\"")
    var singles: [(Double, Double, Int)] = []
    for seg in segments {
      var pts = seg
      if total > budget && seg.count > 3 {
        let share = max(3, Int(Double(budget) * Double(seg.count) / Double(total)))
        pts = LTTB.indices(xs: seg.map(\.0), ys: seg.map(\.1), threshold: share).map { seg[$0] }
      }
      if pts.count == 1 { singles.append(pts[0]) }
      for (k, p) in pts.enumerated() {
        c.svg.raw(k == 0 ? "M" : "L")
        c.svg.num(x(p.0))
        c.svg.raw(" ")
        c.svg.num(y(p.1))
      }
    }
    c.svg.raw("\" fill=\"none\" stroke=\"" + color)
    // The palette repeats after eight series; the second round is dashed to stay distinct.
    c.svg.raw(si >= 8 ? "\" stroke-dasharray=\"6 3\"" : "\"")
    c.svg.raw(" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">")
    c.svg.tooltip(s.name)
    c.svg.raw("</path>")
    // Markers with tooltips while they stay readable; a lone point between gaps always gets one.
    // Up to 12 points a series the dots are visible; up to 60 they are transparent hover
    // targets (CSS shows them on hover); a lone point between gaps is always visible.
    let visible = total <= 12
    let allPoints = series.reduce(0) { $0 + $1.points.count }
    let markers = total <= 60 && allPoints <= 240 ? segments.flatMap { $0 } : singles
    for p in markers {
      let shown = visible || (total > 60) || segments.contains { $0.count == 1 && $0[0].2 == p.2 }
      c.svg.raw(shown ? "<circle class=\"fc-dot s\(si % 8)\"" : "<circle class=\"fc-dot s\(si % 8) fc-hover\"")
      c.svg.attr("cx", x(p.0))
      c.svg.attr("cy", y(p.1))
      c.svg.raw(shown ? " r=\"2.5\" fill=\"" : " r=\"4\" fill=\"")
      c.svg.raw(color)
      c.svg.raw(shown ? "\" stroke=\"#ffffff\" stroke-width=\"1\">" : "\" fill-opacity=\"0\">")
      // The tooltip is written in pieces: no temporary strings for hundreds of points.
      c.svg.raw("<title>")
      if !s.name.isEmpty {
        c.svg.esc(s.name)
        c.svg.raw(" · ")
      }
      c.svg.esc(s.points[p.2].x.label)
      c.svg.raw(": ")
      c.svg.esc(options.format.string(p.1))
      c.svg.raw("</title></circle>")
    }
    guard let last = segments.last?.last else { return nil }
    return y(last.1)
  }
}

/// Pushes labels apart vertically so none overlap, keeping each near its anchor.
enum LabelPlacer {
  static func spread(_ ys: [Double], minGap: Double, lo: Double, hi: Double) -> [Double] {
    let order = ys.indices.sorted { ys[$0] < ys[$1] }
    var placed = order.map { ys[$0] }
    for _ in 0..<20 {
      var moved = false
      for k in 1..<max(1, placed.count) where placed[k] - placed[k - 1] < minGap {
        let push = (minGap - (placed[k] - placed[k - 1])) / 2
        placed[k - 1] -= push
        placed[k] += push
        moved = true
      }
      if let first = placed.first, first < lo { placed = placed.map { $0 + (lo - first) } }
      if let last = placed.last, last > hi {
        let shift = last - hi
        placed = placed.map { $0 - shift }
      }
      if !moved { break }
    }
    var out = ys
    for (k, i) in order.enumerated() { out[i] = placed[k] }
    return out
  }
}
