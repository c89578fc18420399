/// An x value: a number, a calendar date or a category name.
public enum ChartX: Hashable, Sendable {
  case number(Double)
  case date(ChartDate)
  case category(String)

  /// Reads text the way the store writes it: an ISO date, else a number, else a category.
  public static func parse(_ text: String) -> ChartX {
    if let date = ChartDate(iso: text) { return .date(date) }
    if let n = Double(text.trimmingCharacters(in: .whitespaces)), n.isFinite { return .number(n) }
    return .category(text)
  }

  /// The label used in tooltips and category axes.
  public var label: String {
    switch self {
    case .number(let n): return ValueFormat(.num).string(n)
    case .date(let d): return d.label
    case .category(let c): return c
    }
  }
}

/// One data point; `y` nil (or NaN) is a gap.
public struct ChartPoint: Hashable, Sendable {
  public var x: ChartX
  public var y: Double?
  /// Optional mark size (scatter bubbles), in data units.
  public var size: Double?
  /// Optional text used when the point is labelled (scatter extremes).
  public var label: String?

  public init(x: ChartX, y: Double?, size: Double? = nil, label: String? = nil) {
    self.x = x
    self.y = y
    self.size = size
    self.label = label
  }

  /// A point from text x (ISO date, number or category) and a y value.
  public init(_ x: String, _ y: Double?, size: Double? = nil, label: String? = nil) {
    self.init(x: .parse(x), y: y, size: size, label: label)
  }

  /// A point from numbers (scatter).
  public init(_ x: Double, _ y: Double?, size: Double? = nil, label: String? = nil) {
    self.init(x: .number(x), y: y, size: size, label: label)
  }

  /// The y value when it is a finite number.
  var value: Double? {
    guard let y, y.isFinite else { return nil }
    return y
  }
}

/// A named series of points; the name comes from data and is always escaped.
public struct ChartSeries: Hashable, Sendable {
  public var name: String
  public var points: [ChartPoint]

  public init(name: String, points: [ChartPoint]) {
    self.name = name
    self.points = points
  }

  /// Groups rows of text into series, in order of first appearance — the shape a
  /// directive like `chart line x=month y=stability series=agency` hands over.
  public static func grouping(
    x: [String], y: [Double?], series: [String]? = nil, defaultName: String = ""
  ) -> [ChartSeries] {
    var order: [String] = []
    var points: [String: [ChartPoint]] = [:]
    for i in 0..<min(x.count, y.count) {
      let name = series.flatMap { i < $0.count ? $0[i] : nil } ?? defaultName
      if points[name] == nil {
        order.append(name)
        points[name] = []
      }
      points[name]?.append(ChartPoint(x[i], y[i]))
    }
    return order.map { ChartSeries(name: $0, points: points[$0] ?? []) }
  }
}
