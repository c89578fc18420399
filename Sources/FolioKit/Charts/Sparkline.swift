/// A word-sized line for table cells and cards: gaps for missing values, the last value
/// marked. It carries `width`/`height` so it sits inline at text size.
public struct Sparkline: Sendable {
  public var values: [Double?]
  public var options: ChartOptions
  public var width: Double
  public var height: Double
  /// A y domain shared with other sparklines (small multiples); nil uses these values' range.
  public var yDomain: ClosedRange<Double>?

  public init(_ values: [Double?], options: ChartOptions = ChartOptions(), width: Double = 96, height: Double = 24) {
    self.values = values
    self.options = options
    self.width = width
    self.height = height
  }

  /// The SVG text.
  public func svg() -> String {
    let f = options.format
    let finite = values.compactMap { $0 }.filter(\.isFinite)
    var summary = "No data"
    if let first = values.first(where: { $0?.isFinite == true }) ?? nil, let last = values.last(where: { $0?.isFinite == true }) ?? nil,
      let lo = finite.min(), let hi = finite.max()
    {
      summary = "From \(f.string(first)) to \(f.string(last)); low \(f.string(lo)), high \(f.string(hi))"
    }
    let label = options.title.isEmpty ? summary : options.title + ": " + summary
    var s = SVGWriter(capacity: 1024)
    let n = SVGWriter.num
    s.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fc-spark\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" width=\"" + n(width) + "\" height=\"" + n(height))
    s.raw("\" style=\"vertical-align:middle\" role=\"img\" aria-label=\"" + SVGWriter.escape(label) + "\"><title>" + SVGWriter.escape(label) + "</title>")
    guard var lo = finite.min(), var hi = finite.max() else {
      s.line(x1: 2, y1: height / 2, x2: width - 2, y2: height / 2, cls: "fc-grid", stroke: ChartStyle.gridColor, dash: "2 2")
      s.raw("</svg>\n")
      return s.text
    }
    if let yDomain { (lo, hi) = (yDomain.lowerBound, yDomain.upperBound) }
    let pad = 3.0
    let y = LinearScale(domain: (lo, hi), range: (height - pad, pad))
    let step = values.count > 1 ? (width - 2 * pad) / Double(values.count - 1) : 0
    func x(_ i: Int) -> Double { values.count > 1 ? pad + Double(i) * step : width / 2 }
    // Long inputs are thinned to about one point per pixel.
    let idx: [Int]
    if values.count > Int(width) * 2 {
      let pts = values.enumerated().compactMap { i, v in v.flatMap { $0.isFinite ? (Double(i), $0) : nil } }
      idx = LTTB.indices(xs: pts.map(\.0), ys: pts.map(\.1), threshold: Int(width)).map { Int(pts[$0].0) }
    } else {
      idx = Array(values.indices)
    }
    var d = ""
    var pen = false
    for i in idx {
      guard let v = values[i], v.isFinite else {
        pen = false
        continue
      }
      d += (pen ? "L" : "M") + n(x(i)) + " " + n(y(v))
      pen = true
    }
    s.raw("<path class=\"fc-spark-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + ChartStyle.color(0) + "\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
    if let li = values.lastIndex(where: { $0?.isFinite == true }), let lv = values[li] {
      s.raw("<circle class=\"fc-spark-dot\" cx=\"" + n(x(li)) + "\" cy=\"" + n(y(lv)) + "\" r=\"2.2\" fill=\"" + ChartStyle.color(0) + "\"/>")
    }
    s.raw("</svg>\n")
    return s.text
  }
}
