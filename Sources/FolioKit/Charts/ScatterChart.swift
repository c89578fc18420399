import Foundation

/// x/y points coloured and shaped by series, optional size, reference lines, quadrant
/// labels and labelled extremes; large inputs become a binned density plot.
public struct ScatterChart: Sendable {
  public var series: [ChartSeries]
  public var options: ChartOptions

  public init(series: [ChartSeries], options: ChartOptions = ChartOptions()) {
    self.series = series
    self.options = options
  }

  /// The SVG text.
  public func svg() -> String { render(nested: nil) }

  /// Up to this many points get their own shaped mark and tooltip (about 200 bytes each).
  static let markLimit = 250

  struct Item {
    var x: Double
    var y: Double
    var si: Int
    var pi: Int
  }

  func render(nested: (x: Double, y: Double)?) -> String {
    let o = options
    var items: [Item] = []
    items.reserveCapacity(series.reduce(0) { $0 + $1.points.count })
    // Dates go on a time axis (calendar ticks, date labels) when every placed x is a date.
    var dates = 0, monthly = true
    for (si, s) in series.enumerated() {
      for (pi, p) in s.points.enumerated() {
        guard let v = p.value else { continue }
        let x: Double
        switch p.x {
        case .number(let n): x = n
        case .date(let d):
          x = Double(d.day)
          dates += 1
          if d.unit == .day { monthly = false }
        case .category: continue
        }
        guard x.isFinite, !(o.logY && v <= 0) else { continue }
        items.append(Item(x: x, y: v, si: si, pi: pi))
      }
    }
    var xlo = Double.infinity, xhi = -Double.infinity, ylo = Double.infinity, yhi = -Double.infinity
    for it in items {
      xlo = min(xlo, it.x)
      xhi = max(xhi, it.x)
      ylo = min(ylo, it.y)
      yhi = max(yhi, it.y)
    }
    let time = dates > 0 && dates == items.count
    let binned = items.count > o.densityThreshold
    let title = o.title.isEmpty ? "Scatter plot" : o.title
    let dateText: ((Double) -> String)? = time ? { Self.dateText($0) } : nil
    let summary = o.summary.isEmpty ? ChartSummary.scatter(count: items.count, xs: (xlo, xhi), ys: (ylo, yhi), options: o, binned: binned, xText: dateText) : o.summary
    var c = ChartCanvas(width: o.width, height: o.height)
    c.begin(kind: "scatter", options: o, title: title, summary: summary, nested: nested)
    var top = c.drawTitle(o.title, panel: o.isPanel)
    guard !items.isEmpty else {
      c.drawNoData(top: top)
      return c.finish()
    }
    if series.count > 1 && !binned { top = c.drawLegend(series.map(\.name), top: top, shapes: items.count <= Self.markLimit) + 6 }
    if !o.yLabel.isEmpty && !o.isPanel {
      c.drawYLabel(o.yLabel, x: 8, y: top + 8)
    }
    // The density legend shares the y-label row, above the plot rather than over data.
    if (!o.yLabel.isEmpty && !o.isPanel) || binned { top += 16 }
    top += 4
    let xRefs = o.references.filter { $0.axis == .x }.map(\.value)
    let yRefs = o.references.filter { $0.axis == .y }.map(\.value)
    let ydom = ValueDomain.make([ylo, yhi], include: yRefs, zero: o.zeroY, log: o.logY, fixed: o.yDomain, ticks: max(2, Int((o.height - top - 40) / 45)))
    var xdom = ValueDomain.make([xlo, xhi], include: xRefs, zero: false, log: false, fixed: o.xDomain, ticks: max(2, Int(o.width / 100)))
    if time {
      // A time axis spans the data (and x references) exactly; one date gets a period either side.
      let all = [xlo, xhi] + xRefs.filter(\.isFinite)
      var lo = o.xDomain?.lowerBound ?? all.min() ?? xlo, hi = o.xDomain?.upperBound ?? all.max() ?? xhi
      if lo == hi {
        lo -= monthly ? 31 : 1
        hi += monthly ? 31 : 1
      }
      xdom = (lo, hi, [])
    }
    let ystep = ydom.ticks.count > 1 ? ydom.ticks[1] - ydom.ticks[0] : 1
    let xstep = xdom.ticks.count > 1 ? xdom.ticks[1] - xdom.ticks[0] : 1
    let tickWidth = ydom.ticks.map { ChartStyle.textWidth(o.format.tick($0, step: ystep), size: 10.5) }.max() ?? 20
    let left = 8 + tickWidth + 8
    let right = o.width - 22
    let bottom = o.height - (o.xLabel.isEmpty ? 24 : 40)
    let sx = LinearScale(domain: (xdom.lo, xdom.hi), range: (left, right))
    let sy = LinearScale(domain: (ydom.lo, ydom.hi), range: (bottom, top), log: o.logY)
    c.drawYAxis(ticks: ydom.ticks, scale: sy, plotLeft: left, plotRight: right, format: o.format, step: ystep)
    let xticks: [(x: Double, label: String)]
    if time {
      xticks = DateTicks.ticks(from: Int(xdom.lo.rounded(.up)), to: Int(xdom.hi.rounded(.down)), maxCount: max(2, Int((right - left) / 62)), monthly: monthly)
        .map { (sx(Double($0.day)), $0.label) }
    } else {
      xticks = xdom.ticks.map { (sx($0), o.xFormat.tick($0, step: xstep)) }
    }
    for t in xticks {
      c.svg.line(x1: t.x, y1: top, x2: t.x, y2: bottom, cls: "fc-grid", stroke: ChartStyle.gridColor)
    }
    c.drawXAxis(ticks: xticks, baseline: bottom, plotLeft: left, plotRight: right)
    c.drawXLabel(o.xLabel, centerX: (left + right) / 2, y: o.height - 6)
    if binned {
      DensityBins.draw(&c, items: items, sx: sx, sy: sy, box: (left, top, right, bottom), legendY: top - 16)
    } else if items.count > Self.markLimit {
      drawDots(&c, items: items, sx: sx, sy: sy)
    } else {
      drawMarks(&c, items: items, sx: sx, sy: sy)
      labelExtremes(&c, items: items, sx: sx, sy: sy, box: (left, top, right, bottom))
    }
    drawQuadrants(&c, sx: sx, sy: sy, xRefs: xRefs, yRefs: yRefs, box: (left, top, right, bottom))
    for r in o.references {
      let f = r.axis == .x ? o.xFormat : o.format
      let text = r.label.isEmpty ? (time && r.axis == .x ? Self.dateText(r.value) : f.string(r.value)) : r.label
      if r.axis == .x {
        let x = sx(r.value)
        c.svg.line(x1: x, y1: top, x2: x, y2: bottom, cls: "fc-ref", stroke: ChartStyle.targetColor, width: 1.2, dash: "5 3")
        c.svg.label(text, x: x + 4, y: top + 10, cls: "fc-ref-label", size: 10.5, fill: ChartStyle.targetColor, weight: "600", halo: true)
      } else {
        let y = sy(r.value)
        c.svg.line(x1: left, y1: y, x2: right, y2: y, cls: "fc-ref", stroke: ChartStyle.targetColor, width: 1.2, dash: "5 3")
        c.svg.label(text, x: right - 2, y: y - 4, anchor: "end", cls: "fc-ref-label", size: 10.5, fill: ChartStyle.targetColor, weight: "600", halo: true)
      }
    }
    return c.finish()
  }

  private func tooltip(_ it: Item) -> String {
    let s = series[it.si]
    let p = s.points[it.pi]
    var name = p.label ?? ""
    if series.count > 1 { name = name.isEmpty ? s.name : name + " (" + s.name + ")" }
    let xs = options.xLabel.isEmpty ? "x" : options.xLabel
    let ys = options.yLabel.isEmpty ? "y" : options.yLabel
    let xText: String
    if case .date(let d) = p.x { xText = d.label } else { xText = options.xFormat.string(it.x) }
    return (name.isEmpty ? "" : name + ": ") + xs + " " + xText + ", " + ys + " " + options.format.string(it.y)
  }

  /// A day number as a date label, for summaries and x references on a time axis.
  static func dateText(_ day: Double) -> String {
    guard day.isFinite, abs(day) < 1e8 else { return "" }
    return ChartDate(dayNumber: Int(day.rounded()), unit: .day).label
  }

  private func drawMarks(_ c: inout ChartCanvas, items: [Item], sx: LinearScale, sy: LinearScale) {
    let sizes = items.compactMap { series[$0.si].points[$0.pi].size }.filter { $0.isFinite && $0 > 0 }
    let maxSize = sizes.max() ?? 1
    for it in items {
      var r = 3.5
      if let s = series[it.si].points[it.pi].size, s.isFinite, s > 0, !sizes.isEmpty {
        r = 3 + 11 * (s / maxSize).squareRoot()  // area, not radius, encodes size
      }
      MarkShape.draw(&c.svg, index: it.si, x: sx(it.x), y: sy(it.y), r: r, cls: "fc-mark s\(it.si % 8)", tooltip: tooltip(it), opacity: sizes.isEmpty ? 0.85 : 0.6)
    }
  }

  /// Mid-size inputs: one path of round dots per series, no per-point tooltip, so the
  /// SVG stays small.
  private func drawDots(_ c: inout ChartCanvas, items: [Item], sx: LinearScale, sy: LinearScale) {
    for si in series.indices {
      guard items.contains(where: { $0.si == si }) else { continue }
      c.svg.raw("<path class=\"fc-dots s\(si % 8)\" d=\"")
      for it in items where it.si == si {
        c.svg.raw("M")
        c.svg.num(sx(it.x))
        c.svg.raw(" ")
        c.svg.num(sy(it.y))
        c.svg.raw("h0")
      }
      c.svg.raw("\" fill=\"none\" stroke=\"" + ChartStyle.color(si))
      c.svg.raw("\" stroke-width=\"4\" stroke-linecap=\"round\" stroke-opacity=\"0.6\">")
      c.svg.tooltip(series[si].name)
      c.svg.raw("</path>")
    }
  }

  private func drawQuadrants(_ c: inout ChartCanvas, sx: LinearScale, sy: LinearScale, xRefs: [Double], yRefs: [Double], box: (Double, Double, Double, Double)) {
    let q = options.quadrants
    guard !q.isEmpty else { return }
    let places: [(Double, Double, String)] = [
      (box.0 + 6, box.1 + 14, "start"), (box.2 - 6, box.1 + 14, "end"),
      (box.0 + 6, box.3 - 8, "start"), (box.2 - 6, box.3 - 8, "end"),
    ]
    for (i, text) in q.prefix(4).enumerated() where !text.isEmpty {
      let t = ChartStyle.truncate(text, maxWidth: (box.2 - box.0) / 2 - 16, size: 11)
      c.svg.label(t, x: places[i].0, y: places[i].1, anchor: places[i].2, cls: "fc-quadrant", size: 11, fill: ChartStyle.mutedText, weight: "600", halo: true)
    }
  }

  /// Labels the points farthest from the centre, trying four positions each and skipping
  /// any label that would overlap another label or leave the plot.
  private func labelExtremes(_ c: inout ChartCanvas, items: [Item], sx: LinearScale, sy: LinearScale, box: (Double, Double, Double, Double)) {
    guard options.labelExtremes > 0, items.count > 1 else { return }
    let px = items.map { (sx($0.x), sy($0.y)) }
    let cx = px.reduce(0) { $0 + $1.0 } / Double(px.count)
    let cy = px.reduce(0) { $0 + $1.1 } / Double(px.count)
    let dist = px.map { hypot($0.0 - cx, $0.1 - cy) }
    let order = items.indices.sorted { dist[$0] == dist[$1] ? $0 < $1 : dist[$0] > dist[$1] }
    var taken: [(Double, Double, Double, Double)] = []
    // Quadrant labels sit in the corners; keep extreme labels off them.
    for (i, text) in options.quadrants.prefix(4).enumerated() where !text.isEmpty {
      let w = min(ChartStyle.textWidth(text, size: 11), (box.2 - box.0) / 2 - 16) + 6
      let x0 = i % 2 == 0 ? box.0 : box.2 - w
      let y0 = i < 2 ? box.1 : box.3 - 20
      taken.append((x0, y0, x0 + w, y0 + 20))
    }
    var labelled: [(Double, Double)] = []
    // Walk outwards from the centre's farthest points; skip ones beside a labelled point so
    // the labels spread over different extremes instead of one crowded corner.
    for i in order {
      guard labelled.count < options.labelExtremes else { break }
      if labelled.contains(where: { hypot($0.0 - px[i].0, $0.1 - px[i].1) < 60 }) { continue }
      let it = items[i]
      let p = series[it.si].points[it.pi]
      let text = ChartStyle.truncate(p.label ?? (series.count > 1 ? series[it.si].name : options.format.string(it.y)), maxWidth: 140, size: 10.5)
      let w = ChartStyle.textWidth(text, size: 10.5), h = 12.0
      let (x, y) = px[i]
      let candidates = [(x + 7, y - 7), (x - 7 - w, y - 7), (x + 7, y + 5 + h), (x - 7 - w, y + 5 + h)]
      for (lx, ly) in candidates {
        let r = (lx, ly - h + 2, lx + w, ly + 2)
        guard r.0 >= box.0, r.2 <= box.2, r.1 >= box.1, r.3 <= box.3 else { continue }
        if taken.contains(where: { !($0.2 < r.0 || r.2 < $0.0 || $0.3 < r.1 || r.3 < $0.1) }) { continue }
        taken.append(r)
        labelled.append(px[i])
        c.svg.label(text, x: lx, y: ly, cls: "fc-point-label", size: 10.5, fill: ChartStyle.textColor, halo: true)
        break
      }
    }
  }
}
