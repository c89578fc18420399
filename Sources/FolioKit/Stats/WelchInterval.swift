import Foundation

/// The difference of two means (b − a) with Welch's t confidence interval and
/// Welch–Satterthwaite degrees of freedom (SPEC §5).
public struct WelchInterval: Sendable, Equatable {
  public var estimate: Double
  public var lower: Double
  public var upper: Double
  public var degreesOfFreedom: Double
  public var countA: Int
  public var countB: Int
  public var level: Double

  /// The method, as the pages print it.
  public static let method = "Welch's t interval on daily values (Welch–Satterthwaite df)"

  /// nil when a side has fewer than two observations or both sides have no spread.
  public init?(a: [Double], b: [Double], level: Double = 0.95) {
    guard a.count >= 2, b.count >= 2 else { return nil }
    let (ma, va) = Self.meanAndVariance(a)
    let (mb, vb) = Self.meanAndVariance(b)
    let sa = va / Double(a.count)
    let sb = vb / Double(b.count)
    let se = (sa + sb).squareRoot()
    guard se > 0 else { return nil }
    let df = (sa + sb) * (sa + sb)
      / (sa * sa / Double(a.count - 1) + sb * sb / Double(b.count - 1))
    let t = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: df)
    estimate = mb - ma
    lower = estimate - t * se
    upper = estimate + t * se
    degreesOfFreedom = df
    countA = a.count
    countB = b.count
    self.level = level
  }

  /// -1 when the interval lies below zero, 1 above, 0 when it includes zero.
  public var direction: Int {
    if upper < 0 { return -1 }
    if lower > 0 { return 1 }
    return 0
  }

  static func meanAndVariance(_ xs: [Double]) -> (Double, Double) {
    let mean = xs.reduce(0, +) / Double(xs.count)
    let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (mean, ss / Double(xs.count - 1))
  }
}

/// Student's t distribution, enough of it for confidence intervals.
public enum StudentT {
  /// P(T ≤ t) for `df` degrees of freedom (df may be fractional).
  public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
    let x = df / (df + t * t)
    let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// The t with P(T ≤ t) = p, by bisection (monotone, so exact to ~1e-12).
  public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
    guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
    if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: df) }
    var lo = 0.0
    var hi = 1.0
    while cdf(hi, degreesOfFreedom: df) < p { hi *= 2 }
    for _ in 0..<200 {
      let mid = (lo + hi) / 2
      if cdf(mid, degreesOfFreedom: df) < p { lo = mid } else { hi = mid }
      if hi - lo < 1e-13 { break }
    }
    return (lo + hi) / 2
  }

  /// I_x(a, b) by the continued fraction of Numerical Recipes (Lentz's method).
  static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let lnGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let lnPowers: Double = a * log(x) + b * log(1 - x)
    let lnFront = lnGammas + lnPowers
    if x < (a + 1) / (a + b + 2) {
      return exp(lnFront) * continuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(lnFront) * continuedFraction(1 - x, a: b, b: a) / b
  }

  static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }
}
