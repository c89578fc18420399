/// Everything a chart can be asked for beyond its data; each chart type reads what applies.
public struct ChartOptions: Sendable {
  /// How bars are laid out.
  public enum BarMode: String, Sendable { case grouped, stacked }
  /// Which way bars run.
  public enum Orientation: String, Sendable {
    case vertical, horizontal
    /// Vertical unless there are many categories or their names would not fit.
    case auto
  }
  /// Category order for bars.
  public enum Sort: String, Sendable { case none, ascending, descending }

  /// A horizontal line at a y value, with a label (target, SLA threshold).
  public struct Target: Sendable {
    public var value: Double
    public var label: String
    public init(_ value: Double, label: String = "Target") {
      self.value = value
      self.label = label
    }
  }

  /// A shaded x range (a peak period), written as ISO dates or months.
  public struct Band: Sendable {
    public var from: String
    public var to: String
    public var label: String
    public init(from: String, to: String, label: String = "") {
      self.from = from
      self.to = to
      self.label = label
    }
  }

  /// A reference line on either axis (scatter: SLA threshold, 20 % utilisation).
  public struct Reference: Sendable {
    public enum Axis: String, Sendable { case x, y }
    public var axis: Axis
    public var value: Double
    public var label: String
    public init(_ axis: Axis, _ value: Double, label: String = "") {
      self.axis = axis
      self.value = value
      self.label = label
    }
  }

  /// Visible title, also the accessible `<title>`.
  public var title: String = ""
  /// Accessible description; generated from the data when empty.
  public var summary: String = ""
  public var xLabel: String = ""
  public var yLabel: String = ""
  /// Format of y values (axis, labels, tooltips).
  public var format: ValueFormat = ValueFormat(.num)
  /// Format of numeric x values (scatter).
  public var xFormat: ValueFormat = ValueFormat(.num)
  /// viewBox size; the SVG scales to its container's width.
  public var width: Double = 640
  public var height: Double = 320
  /// Emit `width`/`height` attributes (for rasterising, e.g. the email edition).
  public var explicitSize: Bool = false
  public var target: Target? = nil
  public var bands: [Band] = []
  public var references: [Reference] = []
  /// Scatter quadrant labels, set in the plot's corners: top-left, top-right, bottom-left,
  /// bottom-right ("" to skip). Pair them with x and y reference lines.
  public var quadrants: [String] = []
  public var barMode: BarMode = .grouped
  public var orientation: Orientation = .auto
  public var sort: Sort = .none
  /// Value labels on bars.
  public var valueLabels: Bool = true
  /// Log scale on y (values ≤ 0 are dropped).
  public var logY: Bool = false
  /// Force zero into the y domain (bars always include it).
  public var zeroY: Bool = false
  /// Fixed y domain (small multiples share one).
  public var yDomain: ClosedRange<Double>? = nil
  /// Fixed numeric x domain (scatter small multiples).
  public var xDomain: ClosedRange<Double>? = nil
  /// How many extreme scatter points get a text label.
  public var labelExtremes: Int = 3
  /// Above this many points a scatter becomes a binned density plot.
  public var densityThreshold: Int = 3000
  /// Above this many points per series a line is thinned with LTTB for drawing.
  public var thinningThreshold: Int = 600

  /// Set by small multiples: a panel draws a smaller title and leaves shared labels
  /// (y label, target and band labels) to the grid.
  var isPanel: Bool = false

  public init() {}

  /// Options with a title and a value format spec (unknown specs keep `num`).
  public init(title: String, format: String? = nil) {
    self.title = title
    if let format, let f = ValueFormat(spec: format) { self.format = f }
  }
}
