/// Stephen Few's bullet graph: a measure bar over qualitative bands with a target marker,
/// small enough for a table cell or card.
public struct BulletGraph: Sendable {
  public var value: Double?
  public var target: Double?
  /// Upper bounds of the qualitative ranges (e.g. poor < 90 ≤ fair < 97 ≤ good), ascending.
  public var bands: [Double]
  /// The scale maximum; defaults to the largest of value, target and bands, made nice.
  public var maximum: Double?
  public var options: ChartOptions
  public var width: Double
  public var height: Double

  public init(
    value: Double?, target: Double? = nil, bands: [Double] = [], maximum: Double? = nil,
    options: ChartOptions = ChartOptions(), width: Double = 160, height: Double = 22
  ) {
    self.value = value
    self.target = target
    self.bands = bands
    self.maximum = maximum
    self.options = options
    self.width = width
    self.height = height
  }

  /// Greys from dark (worst range) to light; the measure stays the darkest mark.
  static let bandGreys = ["#c9ccd1", "#dcdfe3", "#eceef0", "#f5f6f7"]

  /// The SVG text.
  public func svg() -> String {
    let f = options.format
    let v = value.flatMap { $0.isFinite ? $0 : nil }
    var label = options.title.isEmpty ? "" : options.title + ": "
    label += v.map { f.string($0) } ?? "no data"
    if let target { label += ", target " + f.string(target) }
    var s = SVGWriter(capacity: 1024)
    let n = SVGWriter.num
    s.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fc-bullet\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" width=\"" + n(width) + "\" height=\"" + n(height))
    s.raw("\" style=\"vertical-align:middle\" role=\"img\" aria-label=\"" + SVGWriter.escape(label) + "\"><title>" + SVGWriter.escape(label) + "</title>")
    let extent = ([v, target, maximum].compactMap { $0 } + bands).filter(\.isFinite)
    let top = maximum ?? Ticks.nice(0, max(extent.max() ?? 1, 1e-9), count: 4).1
    let lowest = min(0, extent.min() ?? 0)
    let x = LinearScale(domain: (lowest, max(top, lowest + 1e-9)), range: (1, width - 1))
    let sortedBands = bands.filter(\.isFinite).sorted()
    var start = lowest
    for (i, b) in (sortedBands + [top]).enumerated() where b > start {
      let grey = Self.bandGreys[min(i, Self.bandGreys.count - 1)]
      s.rect(x: x(start), y: 0, w: x(min(b, top)) - x(start), h: height, cls: "fc-bullet-band r\(i)", fill: grey)
      start = b
    }
    if let v {
      let x0 = x(0), x1 = x(min(max(v, lowest), top))
      s.rect(x: min(x0, x1), y: height * 0.33, w: abs(x1 - x0), h: height * 0.34, cls: "fc-bullet-bar", fill: ChartStyle.textColor)
    }
    if let target, target.isFinite {
      let tx = x(min(max(target, lowest), top))
      s.line(x1: tx, y1: height * 0.15, x2: tx, y2: height * 0.85, cls: "fc-bullet-target", stroke: ChartStyle.color(1), width: 2.5)
    }
    s.raw("</svg>\n")
    return s.text
  }
}
