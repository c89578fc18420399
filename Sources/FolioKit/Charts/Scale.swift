import Foundation

/// Maps a continuous domain onto pixels: linear, log, or time (days as numbers).
struct LinearScale: Sendable {
  var domain: (Double, Double)
  var range: (Double, Double)
  var log: Bool = false

  init(domain: (Double, Double), range: (Double, Double), log: Bool = false) {
    var d = domain
    if log {
      d = (Foundation.log10(max(d.0, 1e-12)), Foundation.log10(max(d.1, 1e-12)))
    }
    if d.0 == d.1 { d = (d.0 - 1, d.1 + 1) }  // a flat domain still needs a span
    self.domain = d
    self.range = range
    self.log = log
  }

  func callAsFunction(_ v: Double) -> Double {
    let x = log ? Foundation.log10(max(v, 1e-12)) : v
    return range.0 + (x - domain.0) / (domain.1 - domain.0) * (range.1 - range.0)
  }

  /// The value at a pixel position (for binning).
  func invert(_ p: Double) -> Double {
    let x = domain.0 + (p - range.0) / (range.1 - range.0) * (domain.1 - domain.0)
    return log ? pow(10, x) : x
  }
}

/// Places categories in equal bands with inner and outer padding.
struct BandScale: Sendable {
  var categories: [String]
  var range: (Double, Double)
  var padding: Double
  private var index: [String: Int] = [:]

  init(_ categories: [String], range: (Double, Double), padding: Double = 0.2) {
    self.categories = categories
    self.range = range
    self.padding = padding
    for (i, c) in categories.enumerated() where index[c] == nil { index[c] = i }
  }

  var step: Double {
    let n = Double(max(1, categories.count))
    return (range.1 - range.0) / (n + padding)
  }

  var bandwidth: Double { step * (1 - padding) }

  func start(_ i: Int) -> Double { range.0 + step * padding + Double(i) * step }

  func start(of category: String) -> Double? { index[category].map { start($0) } }

  func center(_ i: Int) -> Double { start(i) + bandwidth / 2 }
}

/// A y domain that reads well: padded, optionally with zero, extended to nice ticks.
struct ValueDomain {
  static func make(
    _ values: [Double], include: [Double] = [], zero: Bool, log: Bool, fixed: ClosedRange<Double>?,
    ticks: Int = 5
  ) -> (lo: Double, hi: Double, ticks: [Double]) {
    if let fixed {
      let t = log ? Ticks.log(fixed.lowerBound, fixed.upperBound) : Ticks.values(fixed.lowerBound, fixed.upperBound, count: ticks)
      return (fixed.lowerBound, fixed.upperBound, t)
    }
    let all = (values + include).filter { $0.isFinite && (!log || $0 > 0) }
    guard var lo = all.min(), var hi = all.max() else { return (0, 1, [0, 0.5, 1]) }
    if log {
      lo = pow(10, floor(log10(lo)))
      hi = pow(10, ceil(log10(hi)))
      if lo == hi { hi = lo * 10 }
      return (lo, hi, Ticks.log(lo, hi))
    }
    if zero {
      lo = min(lo, 0)
      hi = max(hi, 0)
    }
    if lo == hi {
      // All values equal: centre them in a small span rather than a zero-height scale.
      let pad = lo == 0 ? 1 : abs(lo) * 0.1
      lo -= pad
      hi += pad
      if zero && values.allSatisfy({ $0 >= 0 }) { lo = max(lo, 0) }
    }
    let (a, b) = Ticks.nice(lo, hi, count: ticks)
    return (a, b, Ticks.values(a, b, count: ticks))
  }
}
