/// How a set of points places x: on a time scale, a numeric scale or as categories.
struct XAxisModel {
  enum Kind { case time, number, category }
  let kind: Kind
  /// Sorted distinct categories (first appearance order) for the category kind.
  let categories: [String]
  let lo: Double
  let hi: Double
  /// Days per data step (month ≈ 30.4) for band padding; 1 for numbers.
  let unit: Double
  private let categoryIndex: [String: Int]

  init(_ series: [ChartSeries]) {
    var allDates = true, allNumbers = true, any = false, monthly = true
    var lo = Double.infinity, hi = -Double.infinity
    var seen: Set<String> = []
    var cats: [String] = []
    for s in series {
      for p in s.points {
        any = true
        switch p.x {
        case .date(let d):
          allNumbers = false
          if d.unit == .day { monthly = false }
          lo = min(lo, Double(d.day))
          hi = max(hi, Double(d.day))
        case .number(let n):
          allDates = false
          lo = min(lo, n)
          hi = max(hi, n)
        case .category:
          allDates = false
          allNumbers = false
        }
        // Labels cost a format call; only categories need them.
        if case .category(let label) = p.x, seen.insert(label).inserted { cats.append(label) }
      }
    }
    if any && allDates {
      kind = .time
      unit = monthly ? 30.44 : 1
    } else if any && allNumbers {
      kind = .number
      unit = 1
    } else {
      kind = .category
      unit = 1
      if any && !(allDates || allNumbers) {
        // Mixed x kinds read as categories, in order of first appearance.
        cats = []
        seen = []
        for s in series { for p in s.points where seen.insert(p.x.label).inserted { cats.append(p.x.label) } }
      }
    }
    categories = cats
    var index: [String: Int] = [:]
    if kind == .category {
      for (i, c) in cats.enumerated() { index[c] = i }
    }
    categoryIndex = index
    if kind == .category || !lo.isFinite {
      (self.lo, self.hi) = (0, Double(max(0, cats.count - 1)))
    } else if lo == hi {
      // One date or one value: give it a span so it sits in the middle.
      let pad = kind == .time ? (monthly ? 31 : 1) : max(1, abs(lo) * 0.1)
      (self.lo, self.hi) = (lo - pad, hi + pad)
    } else {
      (self.lo, self.hi) = (lo, hi)
    }
  }

  /// The domain coordinate of an x value.
  func coordinate(_ x: ChartX) -> Double {
    switch x {
    case .date(let d): return Double(d.day)
    case .number(let n): return n
    case .category: return Double(categoryIndex[x.label] ?? 0)
    }
  }


  /// Ticks in pixels for a scale over this axis.
  func ticks(scale: LinearScale, plotWidth: Double, format: ValueFormat) -> [(x: Double, label: String)] {
    switch kind {
    case .time:
      let maxCount = max(2, Int(plotWidth / 62))
      return DateTicks.ticks(from: Int(lo.rounded(.up)), to: Int(hi.rounded(.down)), maxCount: maxCount, monthly: unit > 1)
        .map { (scale(Double($0.day)), $0.label) }
    case .number:
      let count = max(2, Int(plotWidth / 80))
      let step = Ticks.step(lo, hi, count: count)
      return Ticks.values(lo, hi, count: count).map { (scale($0), format.tick($0, step: step)) }
    case .category:
      return categories.enumerated().map { (scale(Double($0.offset)), ChartStyle.truncate($0.element, maxWidth: 120, size: 10.5)) }
    }
  }
}
