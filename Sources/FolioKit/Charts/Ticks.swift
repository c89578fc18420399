import Foundation

/// "Nice" axis ticks: steps of 1, 2 or 5 × 10^k, as in d3-array's `ticks`.
///
/// Ticks are computed as integer multiples of the step (or divided by its inverse
/// when the step is below 1) so labels carry no floating-point noise like 0.30000000000000004.
enum Ticks {
  /// The signed tick increment: positive is a step, negative is the inverse of a step.
  static func increment(_ start: Double, _ stop: Double, count: Int) -> Double {
    let step = (stop - start) / Double(max(1, count))
    guard step > 0, step.isFinite else { return 0 }
    let power = floor(log10(step))
    let error = step / pow(10, power)
    let factor: Double =
      error >= 50.0.squareRoot() ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
    return power >= 0 ? factor * pow(10, power) : -pow(10, -power) / factor
  }

  /// The step size between ticks.
  static func step(_ start: Double, _ stop: Double, count: Int) -> Double {
    let inc = increment(start, stop, count: count)
    return inc < 0 ? -1 / inc : inc
  }

  /// Tick values within [start, stop].
  static func values(_ start: Double, _ stop: Double, count: Int) -> [Double] {
    guard start.isFinite, stop.isFinite else { return [] }
    if start == stop { return [start] }
    let (lo, hi) = (min(start, stop), max(start, stop))
    let inc = increment(lo, hi, count: count)
    guard inc != 0 else { return [] }
    var out: [Double] = []
    if inc > 0 {
      let i0 = (lo / inc).rounded(.up), i1 = (hi / inc).rounded(.down)
      guard i1 >= i0, i1 - i0 < 1000 else { return [] }
      for i in stride(from: i0, through: i1, by: 1) { out.append(i * inc) }
    } else {
      let inv = -inc
      let i0 = (lo * inv).rounded(.up), i1 = (hi * inv).rounded(.down)
      guard i1 >= i0, i1 - i0 < 1000 else { return [] }
      for i in stride(from: i0, through: i1, by: 1) { out.append(i / inv) }
    }
    return out.map { $0 == 0 ? 0 : $0 }  // no -0
  }

  /// Extends a domain to whole tick steps (d3's `nice`).
  static func nice(_ lo: Double, _ hi: Double, count: Int) -> (Double, Double) {
    var (a, b) = (lo, hi)
    var previous: Double?
    for _ in 0..<10 {
      let inc = increment(a, b, count: count)
      if inc == previous || inc == 0 { break }
      if inc > 0 {
        a = floor(a / inc) * inc
        b = ceil(b / inc) * inc
      } else {
        a = ceil(a * inc) / inc
        b = floor(b * inc) / inc
      }
      previous = inc
    }
    return (a == 0 ? 0 : a, b == 0 ? 0 : b)
  }

  /// Ticks of a log scale: powers of ten, with 2 and 5 when the span is short.
  static func log(_ lo: Double, _ hi: Double) -> [Double] {
    guard lo > 0, hi > lo else { return lo > 0 ? [lo] : [] }
    let p0 = Int(floor(log10(lo))), p1 = Int(ceil(log10(hi)))
    let mults: [Double] = p1 - p0 <= 2 ? [1, 2, 5] : [1]
    var out: [Double] = []
    for p in p0...p1 {
      for m in mults {
        let v = m * pow(10, Double(p))
        if v >= lo * 0.999 && v <= hi * 1.001 { out.append(v) }
      }
    }
    return out
  }
}
