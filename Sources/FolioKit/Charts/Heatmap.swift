/// Category × column (usually month) grid on a sequential colour scale with a legend.
/// Each series is a row; its points' x values are the columns.
public struct Heatmap: Sendable {
  public var series: [ChartSeries]
  public var options: ChartOptions
  /// A colour domain shared with other heatmaps (small multiples); nil uses this grid's range.
  public var colorDomain: ClosedRange<Double>?
  /// Whether this chart draws its own colour legend (small multiples draw one for all panels).
  public var showsLegend = true

  public init(series: [ChartSeries], options: ChartOptions = ChartOptions()) {
    self.series = series
    self.options = options
  }

  /// The SVG text.
  public func svg() -> String { render(nested: nil) }

  /// Cells with a tooltip each up to this many; beyond, columns are merged (averaged)
  /// so the SVG stays under its size budget.
  static let maxCells = 480

  func grid() -> (columns: [ChartX], values: [[Double?]], merged: Int) {
    var columns: [ChartX] = []
    var seen: Set<ChartX> = []
    for s in series { for p in s.points where seen.insert(p.x).inserted { columns.append(p.x) } }
    let model = XAxisModel(series)
    if model.kind != .category { columns.sort { model.coordinate($0) < model.coordinate($1) } }
    var index: [ChartX: Int] = [:]
    for (i, c) in columns.enumerated() { index[c] = i }
    var values = series.map { s -> [Double?] in
      var row = [Double?](repeating: nil, count: columns.count)
      for p in s.points { if let i = index[p.x] { row[i] = p.value } }
      return row
    }
    let allowed = max(1, Self.maxCells / max(1, series.count))
    let k = columns.count > allowed ? (columns.count + allowed - 1) / allowed : 1
    if k > 1 {
      let groups = stride(from: 0, to: columns.count, by: k).map { $0..<min($0 + k, columns.count) }
      values = values.map { row in
        groups.map { g in
          let vs = g.compactMap { row[$0] }
          return vs.isEmpty ? nil : vs.reduce(0, +) / Double(vs.count)
        }
      }
      columns = groups.map { columns[$0.lowerBound] }
    }
    return (columns, values, k)
  }

  func render(nested: (x: Double, y: Double)?) -> String {
    var o = options
    let (columns, values, merged) = grid()
    let finite = values.flatMap { $0.compactMap { $0 } }
    let rowStep = 18.0
    // The grid sets the height: rows stay 18–24 px whatever the viewBox height asked for.
    if nested == nil {
      let rowH = min(24, max(rowStep, (o.height - 100) / Double(max(1, series.count))))
      o.height = (o.title.isEmpty ? 8 : 30) + 22 + Double(max(1, series.count)) * rowH + (o.xLabel.isEmpty ? 26 : 42)
    }
    let lo = colorDomain?.lowerBound ?? finite.min() ?? 0, hi = colorDomain?.upperBound ?? finite.max() ?? 1
    let title = o.title.isEmpty ? "Heatmap" : o.title
    var summary = o.summary
    if summary.isEmpty {
      summary = finite.isEmpty ? "Heatmap with no data." : "Heatmap of \(series.count) rows by \(columns.count) columns; values from \(o.format.string(lo)) to \(o.format.string(hi)); darker is higher."
      if let best = maxCell(values), !finite.isEmpty {
        summary += " Highest: \(series[best.0].name), \(columns[best.1].label) at \(o.format.string(best.2))."
      }
      if merged > 1 { summary += " Every \(merged) columns are averaged into one." }
    }
    var c = ChartCanvas(width: o.width, height: o.height)
    c.begin(kind: "heatmap", options: o, title: title, summary: summary, nested: nested)
    var top = c.drawTitle(o.title, panel: o.isPanel)
    guard !finite.isEmpty else {
      c.drawNoData(top: top)
      return c.finish()
    }
    let classes = ChartStyle.sequential.count
    let span = hi - lo
    func level(_ v: Double) -> Int { span == 0 ? classes / 2 : max(0, min(classes - 1, Int((v - lo) / span * Double(classes)))) }
    if showsLegend {
      Self.drawLegend(&c, lo: lo, hi: hi, format: o.format, width: o.width, top: top)
      if !o.yLabel.isEmpty { c.drawYLabel(o.yLabel, x: 8, y: top + 9) }
      top += 22
    } else {
      top += 4
    }
    let labelWidth = min(o.width * 0.3, (series.map { ChartStyle.textWidth($0.name) }.max() ?? 0) + 4)
    let left = 8 + labelWidth + 8
    let right = o.width - 8
    let bottom = min(o.height - (o.xLabel.isEmpty ? 22 : 38), top + Double(series.count) * min(24, max(rowStep, (o.height - top - 40) / Double(max(1, series.count)))))
    let cw = (right - left) / Double(max(1, columns.count))
    let ch = (bottom - top) / Double(max(1, series.count))
    let columnLabels = columns.map { " · " + $0.label + ": " }
    let showValues = cw >= 28 && ch >= 14 && columns.count * series.count <= 200
    for (r, s) in series.enumerated() {
      let cy = top + Double(r) * ch
      c.svg.label(ChartStyle.truncate(s.name, maxWidth: labelWidth), x: left - 6, y: cy + ch / 2 + 3.5, anchor: "end", cls: "fc-tick fc-category", fill: ChartStyle.textColor)
      // One group per row carries the y offset, the height and the class, so each cell
      // is only its x, width, fill and tooltip: a 12 × 36 grid stays well under 60 KB.
      c.svg.raw("<g class=\"fc-cells\" transform=\"translate(0 " + SVGWriter.num(cy + 0.5) + ")\">")
      let cellW = " width=\"" + SVGWriter.num(cw - 1) + "\" height=\"" + SVGWriter.num(ch - 1) + "\""
      for k in columns.indices {
        let x = left + Double(k) * cw
        let q = values[r][k].map(level)
        c.svg.raw("<rect")
        c.svg.attr("x", x + 0.5)
        c.svg.raw(cellW)
        c.svg.raw(" fill=\"")
        c.svg.raw(q.map { ChartStyle.sequential[$0] } ?? "#f6f8fa")
        c.svg.raw(q == nil ? "\" class=\"fc-missing\">" : "\">")
        c.svg.raw("<title>")
        c.svg.esc(s.name)
        c.svg.esc(columnLabels[k])
        c.svg.esc(o.format.string(values[r][k]))
        c.svg.raw("</title></rect>")
      }
      c.svg.raw("</g>")
      guard showValues else { continue }
      // Values in two groups (dark text, white text on dark cells) so each is a bare <text>.
      var light = "", dark = ""
      for (k, v) in values[r].enumerated() {
        guard let v else { continue }
        let text = o.format.string(v)
        guard ChartStyle.textWidth(text, size: 9.5) + 4 <= cw else { continue }
        let t = "<text x=\"" + SVGWriter.num(left + (Double(k) + 0.5) * cw) + "\" y=\"" + SVGWriter.num(cy + ch / 2 + 3.5) + "\">" + SVGWriter.escape(text) + "</text>"
        if ChartStyle.isDark(sequentialIndex: level(v)) { dark += t } else { light += t }
      }
      if !light.isEmpty { c.svg.raw("<g class=\"fc-cell-value\" text-anchor=\"middle\" font-size=\"9.5\" fill=\"" + ChartStyle.textColor + "\">" + light + "</g>") }
      if !dark.isEmpty { c.svg.raw("<g class=\"fc-cell-value fc-on-dark\" text-anchor=\"middle\" font-size=\"9.5\" fill=\"#ffffff\">" + dark + "</g>") }
    }
    let model = XAxisModel(series)
    let ticks: [(x: Double, label: String)]
    if model.kind == .time {
      let byDay = Dictionary(columns.enumerated().compactMap { i, c -> (Int, Int)? in
        if case .date(let d) = c { return (d.day, i) }
        return nil
      }, uniquingKeysWith: { a, _ in a })
      let dates = columns.compactMap { c -> Int? in if case .date(let d) = c { return d.day } else { return nil } }
      let dt = DateTicks.ticks(from: dates.first ?? 0, to: dates.last ?? 0, maxCount: max(2, Int((right - left) / 62)), monthly: model.unit > 1)
      ticks = dt.compactMap { t in byDay[t.day].map { (left + (Double($0) + 0.5) * cw, t.label) } }
    } else {
      ticks = columns.enumerated().map { (left + (Double($0.offset) + 0.5) * cw, ChartStyle.truncate($0.element.label, maxWidth: 100, size: 10.5)) }
    }
    c.drawXAxis(ticks: ticks, baseline: bottom + 1, plotLeft: left, plotRight: right)
    c.drawXLabel(o.xLabel, centerX: (left + right) / 2, y: o.height - 6)
    return c.finish()
  }

  /// The colour legend: one swatch per class with the range ends labelled, right-aligned.
  static func drawLegend(_ c: inout ChartCanvas, lo: Double, hi: Double, format: ValueFormat, width: Double, top: Double) {
    let classes = ChartStyle.sequential.count
    let legendW = 20.0 * Double(classes)
    let hiText = format.string(hi), loText = format.string(lo)
    var lx = width - 8 - ChartStyle.textWidth(hiText, size: 10) - 6 - legendW
    c.svg.label(loText, x: lx - 6, y: top + 9, anchor: "end", cls: "fc-legend", size: 10, fill: ChartStyle.mutedText)
    for i in 0..<classes {
      c.svg.rect(x: lx, y: top, w: 20, h: 11, cls: "fc-cell q\(i)", fill: ChartStyle.sequential[i])
      lx += 20
    }
    c.svg.label(hiText, x: lx + 6, y: top + 9, cls: "fc-legend", size: 10, fill: ChartStyle.mutedText)
  }

  private func maxCell(_ values: [[Double?]]) -> (Int, Int, Double)? {
    var best: (Int, Int, Double)?
    for (r, row) in values.enumerated() {
      for (k, v) in row.enumerated() {
        guard let v else { continue }
        if let b = best, b.2 >= v { continue }
        best = (r, k, v)
      }
    }
    return best
  }
}
