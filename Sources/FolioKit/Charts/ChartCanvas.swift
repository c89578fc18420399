/// The shared frame of every chart: the root `<svg>` with its accessible title and
/// description, title text, legend, axes and the "no data" state.
struct ChartCanvas {
  var svg = SVGWriter()
  let width: Double
  let height: Double

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Opens the root element. `nested` charts (small multiples) skip the namespace and
  /// sizing style and are placed at `origin`.
  mutating func begin(
    kind: String, options: ChartOptions, title: String, summary: String,
    nested: (x: Double, y: Double)? = nil
  ) {
    let vb = "0 0 " + SVGWriter.num(width) + " " + SVGWriter.num(height)
    if let nested {
      svg.raw("<svg class=\"fc-panel\" x=\"" + SVGWriter.num(nested.x) + "\" y=\"" + SVGWriter.num(nested.y))
      svg.raw("\" width=\"" + SVGWriter.num(width) + "\" height=\"" + SVGWriter.num(height))
      svg.raw("\" viewBox=\"" + vb + "\" overflow=\"visible\">")
      return
    }
    svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fc fc-" + kind + "\" viewBox=\"" + vb + "\"")
    if options.explicitSize {
      svg.raw(" width=\"" + SVGWriter.num(width) + "\" height=\"" + SVGWriter.num(height) + "\"")
    }
    svg.raw(" style=\"width:100%;height:auto;max-width:" + SVGWriter.num(width * 1.5) + "px\"")
    svg.raw(" role=\"img\" aria-label=\"" + SVGWriter.escape(title) + "\"")
    svg.raw(" font-family=\"" + SVGWriter.escape(ChartStyle.font) + "\" font-size=\"11\">")
    svg.raw("<title>" + SVGWriter.escape(title) + "</title>")
    svg.raw("<desc>" + SVGWriter.escape(summary) + "</desc>")
    svg.rect(x: 0, y: 0, w: width, h: height, cls: "fc-bg", fill: ChartStyle.background)
  }

  mutating func finish() -> String {
    svg.raw("</svg>\n")
    return svg.text
  }

  /// Draws the visible title; returns the y below it.
  mutating func drawTitle(_ title: String, top: Double = 0, panel: Bool = false) -> Double {
    guard !title.isEmpty else { return top + 8 }
    let size = panel ? 12.0 : 14.0
    let t = ChartStyle.truncate(title, maxWidth: width - 16, size: size)
    svg.label(t, x: 8, y: top + size + 4, cls: panel ? "fc-panel-title" : "fc-title", size: size, weight: "600")
    return top + (panel ? 24 : 30)
  }

  /// A legend of swatches in one or more rows; returns the y below it.
  mutating func drawLegend(_ names: [String], top: Double, left: Double = 8, shapes: Bool = false, hatch: Hatch? = nil) -> Double {
    guard !names.isEmpty else { return top }
    var x = left
    var y = top + 10
    for (i, raw) in names.enumerated() {
      let name = ChartStyle.truncate(raw, maxWidth: 180)
      let w = 14 + ChartStyle.textWidth(name) + 14
      if x + w > width - 8 && x > left {
        x = left
        y += 16
      }
      if shapes {
        MarkShape.draw(&svg, index: i, x: x + 5, y: y - 4, r: 4, cls: "fc-mark s\(i % 8)")
      } else {
        let hatched = hatch?.applies(i) == true
        svg.rect(
          x: x, y: y - 9, w: 10, h: 10, cls: "fc-swatch s\(i % 8)" + (hatched ? " fc-hatch" : ""),
          fill: hatch?.fill(i) ?? ChartStyle.color(i), extra: " rx=\"2\"")
      }
      svg.label(name, x: x + 14, y: y, cls: "fc-legend")
      x += w
    }
    return y + 10
  }

  /// The "no data" state: a framed message instead of empty axes.
  mutating func drawNoData(top: Double, message: String = "No data") {
    let h = max(20, height - top - 8)
    svg.rect(
      x: 8, y: top, w: width - 16, h: h, cls: "fc-empty", fill: "#f6f8fa",
      extra: " stroke=\"" + ChartStyle.gridColor + "\" stroke-dasharray=\"4 3\" rx=\"4\"")
    svg.label(message, x: width / 2, y: top + h / 2 + 4, anchor: "middle", cls: "fc-label fc-muted", size: 13, fill: ChartStyle.mutedText)
  }

  /// Horizontal grid lines with value labels left of the plot.
  mutating func drawYAxis(
    ticks: [Double], scale: LinearScale, plotLeft: Double, plotRight: Double, format: ValueFormat,
    step: Double
  ) {
    var lastY = Double.infinity
    for t in ticks {
      let y = scale(t)
      let isZero = t == 0 && !scale.log
      svg.line(
        x1: plotLeft, y1: y, x2: plotRight, y2: y, cls: isZero ? "fc-zero" : "fc-grid",
        stroke: isZero ? ChartStyle.axisColor : ChartStyle.gridColor)
      // Skip a label that would collide with the previous one (log scales crowd up).
      if lastY - y < 12 { continue }
      lastY = y
      let text = scale.log ? ValueFormat(format.kind, decimals: 0).tick(t, step: max(t, 1)) : format.tick(t, step: step)
      svg.label(text, x: plotLeft - 6, y: y + 3.5, anchor: "end", cls: "fc-tick", size: 10.5, fill: ChartStyle.mutedText)
    }
  }

  /// Labels along the bottom, thinned so none overlap; the baseline is drawn too.
  mutating func drawXAxis(
    ticks: [(x: Double, label: String)], baseline: Double, plotLeft: Double, plotRight: Double,
    tickMarks: Bool = true
  ) {
    svg.line(x1: plotLeft, y1: baseline, x2: plotRight, y2: baseline, cls: "fc-axis", stroke: ChartStyle.axisColor)
    var every = 1
    while every < ticks.count {
      var ok = true
      var lastRight = -Double.infinity
      for (i, t) in ticks.enumerated() where i % every == 0 {
        let w = ChartStyle.textWidth(t.label, size: 10.5)
        if t.x - w / 2 < lastRight + 6 {
          ok = false
          break
        }
        lastRight = t.x + w / 2
      }
      if ok { break }
      every += 1
    }
    for (i, t) in ticks.enumerated() where i % every == 0 {
      if tickMarks {
        svg.line(x1: t.x, y1: baseline, x2: t.x, y2: baseline + 4, cls: "fc-axis", stroke: ChartStyle.axisColor)
      }
      // Edge labels are anchored inwards rather than clipped by the viewBox.
      let w = ChartStyle.textWidth(t.label, size: 10.5)
      var anchor = "middle", x = t.x
      if t.x - w / 2 < 2 {
        anchor = "start"
        x = max(2, t.x - 6)
      } else if t.x + w / 2 > width - 2 {
        anchor = "end"
        x = min(width - 2, t.x + 6)
      }
      svg.label(t.label, x: x, y: baseline + 16, anchor: anchor, cls: "fc-tick", size: 10.5, fill: ChartStyle.mutedText)
    }
  }

  /// The y-axis name, set horizontally above the axis so nobody tilts their head.
  mutating func drawYLabel(_ label: String, x: Double, y: Double) {
    guard !label.isEmpty else { return }
    svg.label(ChartStyle.truncate(label, maxWidth: width / 2), x: x, y: y, cls: "fc-axis-label", size: 10.5, fill: ChartStyle.mutedText)
  }

  /// The x-axis name, centred under the plot.
  mutating func drawXLabel(_ label: String, centerX: Double, y: Double) {
    guard !label.isEmpty else { return }
    svg.label(ChartStyle.truncate(label, maxWidth: width - 16), x: centerX, y: y, anchor: "middle", cls: "fc-axis-label", size: 10.5, fill: ChartStyle.mutedText)
  }
}

/// Marker shapes so that categories differ by more than colour.
enum MarkShape {
  static func draw(_ svg: inout SVGWriter, index: Int, x: Double, y: Double, r: Double, cls: String, tooltip: String? = nil, opacity: Double? = nil) {
    func pt(_ cmd: String, _ a: Double, _ b: Double) {
      svg.raw(cmd)
      svg.num(a)
      svg.raw(" ")
      svg.num(b)
    }
    switch index % 4 {
    case 0:
      svg.raw("<circle")
      svg.attr("cx", x)
      svg.attr("cy", y)
      svg.attr("r", r)
    case 1:
      let s = r * 0.9
      svg.raw("<rect")
      svg.attr("x", x - s)
      svg.attr("y", y - s)
      svg.attr("width", 2 * s)
      svg.attr("height", 2 * s)
    case 2:
      let h = r * 1.15
      svg.raw("<path d=\"")
      pt("M", x, y - h)
      pt("L", x + h, y + h * 0.8)
      svg.raw("H")
      svg.num(x - h)
      svg.raw("Z\"")
    default:
      let h = r * 1.2
      svg.raw("<path d=\"")
      pt("M", x, y - h)
      pt("L", x + h, y)
      pt("L", x, y + h)
      pt("L", x - h, y)
      svg.raw("Z\"")
    }
    svg.raw(" class=\"")
    svg.raw(cls)
    svg.raw("\" fill=\"")
    svg.raw(ChartStyle.color(index))
    svg.raw("\"")
    if let opacity { svg.attr("fill-opacity", opacity) }
    svg.raw(" stroke=\"#ffffff\" stroke-width=\"0.8\"")
    if let tooltip {
      svg.raw(">")
      svg.tooltip(tooltip)
      svg.raw(index % 4 == 0 ? "</circle>" : index % 4 == 1 ? "</rect>" : "</path>")
    } else {
      svg.raw("/>")
    }
  }
}
