/// Vertical or horizontal bars, grouped or stacked, with value labels and optional sort.
/// Each series is one colour (peak vs non-peak, pre vs post); x values are the categories.
public struct BarChart: Sendable {
  public var series: [ChartSeries]
  public var options: ChartOptions

  public init(series: [ChartSeries], options: ChartOptions = ChartOptions()) {
    self.series = series
    self.options = options
  }

  /// The SVG text.
  public func svg() -> String { render(nested: nil) }

  /// Categories in order (sorted when asked) and values[series][category].
  func table() -> (categories: [String], values: [[Double?]]) {
    var cats: [String] = []
    var index: [String: Int] = [:]
    for s in series {
      for p in s.points where index[p.x.label] == nil {
        index[p.x.label] = cats.count
        cats.append(p.x.label)
      }
    }
    var values = series.map { s -> [Double?] in
      var row = [Double?](repeating: nil, count: cats.count)
      for p in s.points { if let i = index[p.x.label] { row[i] = p.value } }
      return row
    }
    if options.sort != .none {
      let totals = cats.indices.map { i in values.reduce(0.0) { $0 + ($1[i] ?? 0) } }
      let order = cats.indices.sorted {
        totals[$0] == totals[$1] ? $0 < $1 : (options.sort == .ascending ? totals[$0] < totals[$1] : totals[$0] > totals[$1])
      }
      cats = order.map { cats[$0] }
      values = values.map { row in order.map { row[$0] } }
    }
    return (cats, values)
  }

  func render(nested: (x: Double, y: Double)?) -> String {
    var o = options
    let (cats, values) = table()
    let stacked = o.barMode == .stacked && series.count > 1
    let approxStep = (o.width - 60) / Double(max(1, cats.count))
    let widest = cats.map { ChartStyle.textWidth($0, size: 10.5) }.max() ?? 0
    let horizontal = o.orientation == .horizontal || (o.orientation == .auto && (cats.count > 16 || widest > approxStep * 1.6))
    let totals = cats.indices.map { i in values.reduce(0.0) { $0 + ($1[i] ?? 0) } }
    if horizontal && nested == nil {
      // Horizontal bars grow the chart rather than squeeze: at least 16 px a bar row.
      let rows = Double(cats.count) * (stacked ? 1 : Double(max(1, series.count)))
      o.height = max(o.height, 80 + rows * 16 + Double(cats.count) * 6)
    }
    let title = o.title.isEmpty ? "Bar chart" : o.title
    let summary = o.summary.isEmpty ? ChartSummary.bars(categories: cats, totals: totals, series: series, options: o) : o.summary
    var c = ChartCanvas(width: o.width, height: o.height)
    c.begin(kind: "bar", options: o, title: title, summary: summary, nested: nested)
    var top = c.drawTitle(o.title, panel: o.isPanel)
    let finite = values.flatMap { $0.compactMap { $0 } }
    guard !finite.isEmpty else {
      c.drawNoData(top: top)
      return c.finish()
    }
    // Every other series is hatched so grouped and stacked bars differ by more than colour.
    let hatch = series.count > 1 ? Hatch(key: o.title + "|" + series.map(\.name).joined(separator: "|") + "|\(cats.count)", count: series.count) : nil
    if let hatch {
      hatch.writeDefs(&c.svg)
      top = c.drawLegend(series.map(\.name), top: top, hatch: hatch) + 6
    }
    if !o.yLabel.isEmpty && !horizontal && !o.isPanel {
      c.drawYLabel(o.yLabel, x: 8, y: top + 8)
      top += 16
    }
    // Value extent: stacked bars reach their positive and negative sums.
    var extent: [Double] = finite
    if stacked {
      for i in cats.indices {
        extent.append(values.reduce(0.0) { $0 + max(0, $1[i] ?? 0) })
        extent.append(values.reduce(0.0) { $0 + min(0, $1[i] ?? 0) })
      }
    }
    let plotSpan = horizontal ? o.width * 0.6 : o.height - top - 40
    let dom = ValueDomain.make(extent, zero: true, log: false, fixed: o.yDomain, ticks: max(2, Int(plotSpan / (horizontal ? 90 : 45))))
    let step = dom.ticks.count > 1 ? dom.ticks[1] - dom.ticks[0] : 1
    let f = o.format
    var bars: [(x: Double, y: Double, w: Double, h: Double, si: Int, tip: String, label: String?, negative: Bool)] = []
    let n = Double(max(1, series.count))

    if horizontal {
      let labelWidth = min(o.width * 0.35, (cats.map { ChartStyle.textWidth($0) }.max() ?? 0) + 4)
      let left = 8 + labelWidth + 8
      let right = o.width - 8 - (o.valueLabels ? 44 : 8)
      let bottom = o.height - (o.xLabel.isEmpty ? 24 : 40)
      let band = BandScale(cats, range: (top + 4, bottom), padding: 0.25)
      let v = LinearScale(domain: (dom.lo, dom.hi), range: (left, right))
      for t in dom.ticks {
        let x = v(t)
        c.svg.line(x1: x, y1: top, x2: x, y2: bottom, cls: t == 0 ? "fc-zero" : "fc-grid", stroke: t == 0 ? ChartStyle.axisColor : ChartStyle.gridColor)
      }
      c.drawXAxis(ticks: dom.ticks.map { (v($0), f.tick($0, step: step)) }, baseline: bottom, plotLeft: left, plotRight: right, tickMarks: false)
      c.drawXLabel(o.xLabel, centerX: (left + right) / 2, y: o.height - 6)
      for (i, cat) in cats.enumerated() {
        let text = ChartStyle.truncate(cat, maxWidth: labelWidth)
        c.svg.label(text, x: left - 8, y: band.center(i) + 3.5, anchor: "end", cls: "fc-tick fc-category", fill: ChartStyle.textColor)
        var pos = 0.0, neg = 0.0
        for si in series.indices {
          guard let val = values[si][i] else { continue }
          let tip = (series.count > 1 ? series[si].name + " · " : "") + cat + ": " + f.string(val)
          if stacked {
            let base = val >= 0 ? pos : neg
            let x0 = v(base), x1 = v(base + val)
            if val >= 0 { pos += val } else { neg += val }
            bars.append((min(x0, x1), band.start(i), abs(x1 - x0), band.bandwidth, si, tip, f.string(val), val < 0))
          } else {
            let h = band.bandwidth / n
            let x0 = v(0), x1 = v(val)
            bars.append((min(x0, x1), band.start(i) + Double(si) * h, abs(x1 - x0), h - (n > 1 ? 1 : 0), si, tip, f.string(val), val < 0))
          }
        }
        if values.allSatisfy({ $0[i] == nil }) {
          c.svg.label("no data", x: v(0) + 4, y: band.center(i) + 3.5, cls: "fc-label fc-muted", size: 10, fill: ChartStyle.mutedText)
        }
        if stacked && o.valueLabels {
          let x = v(pos) + 4
          c.svg.label(f.string(totals[i]), x: x, y: band.center(i) + 3.5, cls: "fc-value", size: 10.5, fill: ChartStyle.textColor, weight: "600")
        }
      }
    } else {
      let tickWidth = dom.ticks.map { ChartStyle.textWidth(f.tick($0, step: step), size: 10.5) }.max() ?? 20
      let left = 8 + tickWidth + 8
      let right = o.width - 12
      let bottom = o.height - (o.xLabel.isEmpty ? 24 : 40)
      let band = BandScale(cats, range: (left, right), padding: 0.25)
      let v = LinearScale(domain: (dom.lo, dom.hi), range: (bottom, top + 10))
      c.drawYAxis(ticks: dom.ticks, scale: v, plotLeft: left, plotRight: right, format: f, step: step)
      let labelMax = max(band.step * 1.6, 40)
      c.drawXAxis(ticks: cats.enumerated().map { (band.center($0.offset), ChartStyle.truncate($0.element, maxWidth: labelMax, size: 10.5)) }, baseline: v(max(dom.lo, 0)) == bottom ? bottom : bottom, plotLeft: left, plotRight: right, tickMarks: false)
      c.drawXLabel(o.xLabel, centerX: (left + right) / 2, y: o.height - 6)
      for (i, cat) in cats.enumerated() {
        var pos = 0.0, neg = 0.0
        for si in series.indices {
          guard let val = values[si][i] else { continue }
          let tip = (series.count > 1 ? series[si].name + " · " : "") + cat + ": " + f.string(val)
          if stacked {
            let base = val >= 0 ? pos : neg
            let y0 = v(base), y1 = v(base + val)
            if val >= 0 { pos += val } else { neg += val }
            bars.append((band.start(i), min(y0, y1), band.bandwidth, abs(y1 - y0), si, tip, f.string(val), val < 0))
          } else {
            let w = band.bandwidth / n
            let y0 = v(0), y1 = v(val)
            bars.append((band.start(i) + Double(si) * w, min(y0, y1), w - (n > 1 ? 1 : 0), abs(y1 - y0), si, tip, f.string(val), val < 0))
          }
        }
        if values.allSatisfy({ $0[i] == nil }) {
          c.svg.label("no data", x: band.center(i), y: v(0) - 4, anchor: "middle", cls: "fc-label fc-muted", size: 10, fill: ChartStyle.mutedText)
        }
        if stacked && o.valueLabels && ChartStyle.textWidth(f.string(totals[i]), size: 10) <= band.step {
          c.svg.label(f.string(totals[i]), x: band.center(i), y: v(pos) - 4, anchor: "middle", cls: "fc-value", size: 10, fill: ChartStyle.textColor, weight: "600")
        }
      }
    }
    for b in bars {
      let hatched = hatch?.applies(b.si) == true
      c.svg.rect(x: b.x, y: b.y, w: b.w, h: b.h, cls: "fc-bar s\(b.si % 8)" + (hatched ? " fc-hatch" : ""), fill: hatch?.fill(b.si) ?? ChartStyle.color(b.si), tooltip: b.tip)
    }
    if o.valueLabels { drawValueLabels(&c, bars: bars.map { ($0.x, $0.y, $0.w, $0.h, $0.si, $0.label ?? "", $0.negative) }, stacked: stacked, horizontal: horizontal) }
    return c.finish()
  }

  /// Labels outside the bar end for single/grouped bars, inside the segment for stacks.
  private func drawValueLabels(_ c: inout ChartCanvas, bars: [(Double, Double, Double, Double, Int, String, Bool)], stacked: Bool, horizontal: Bool) {
    for (x, y, w, h, si, text, negative) in bars {
      let tw = ChartStyle.textWidth(text, size: 10)
      if stacked {
        // Inside the segment in white, only where it fits.
        guard (horizontal ? w >= tw + 6 && h >= 11 : h >= 13 && w >= tw + 4) else { continue }
        // On a hatched segment the text gets a halo of the solid series colour.
        c.svg.label(text, x: x + w / 2, y: y + h / 2 + 3.5, anchor: "middle", cls: "fc-value-in", size: 10, fill: "#ffffff", halo: si % 2 == 1, haloColor: ChartStyle.color(si))
      } else if horizontal {
        guard h >= 9 else { continue }
        let tx = negative ? x - 4 : x + w + 4
        c.svg.label(text, x: tx, y: y + h / 2 + 3.5, anchor: negative ? "end" : "start", cls: "fc-value", size: 10, fill: ChartStyle.textColor)
      } else {
        guard w + 4 >= tw else { continue }
        let ty = negative ? y + h + 11 : y - 4
        c.svg.label(text, x: x + w / 2, y: ty, anchor: "middle", cls: "fc-value", size: 10, fill: ChartStyle.textColor)
      }
    }
  }
}
