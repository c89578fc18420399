import Foundation
import Testing

@testable import FolioKit

@Suite struct ChartsScaleTests {
  @Test(arguments: [
    (0.0, 1.0, 5, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    (0.0, 10.0, 5, [0, 2, 4, 6, 8, 10]),
    (-3.0, 7.0, 5, [-2, 0, 2, 4, 6]),
    (0.1, 0.35, 5, [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]),
    (95.1, 98.4, 5, [95.5, 96, 96.5, 97, 97.5, 98]),
  ])
  func niceTicksHaveNoFloatNoise(lo: Double, hi: Double, count: Int, expected: [Double]) {
    #expect(Ticks.values(lo, hi, count: count) == expected)
  }

  @Test func tickLabelsUseStepPrecision() {
    let f = ValueFormat(.pct, decimals: 1)
    #expect(f.tick(20, step: 20) == "20%")
    #expect(f.tick(0.5, step: 0.5) == "0.5%")
    #expect(ValueFormat(.num).tick(0.30000000000000004, step: 0.1) == "0.3")
    #expect(ValueFormat(.si).tick(1500, step: 500) == "1.5k")
    #expect(ValueFormat(.si).tick(2_000_000, step: 1_000_000) == "2M")
    #expect(ValueFormat(.usd).tick(2500, step: 500) == "$2,500")
  }

  @Test func coordinatesAreShortAndNeverNegativeZero() {
    #expect(SVGWriter.num(-0.01) == "0")
    #expect(SVGWriter.num(12.34) == "12.3")
    #expect(SVGWriter.num(-12.35) == "-12.4")
    #expect(SVGWriter.num(3) == "3")
    #expect(SVGWriter.num(.nan) == "0")
  }

  @Test func isoDates() {
    #expect(ChartDate(iso: "2026-03")?.label == "Mar 2026")
    #expect(ChartDate(iso: "2026-03-14")?.label == "14 Mar 2026")
    #expect(ChartDate(iso: "2026-02-30") == nil)
    #expect(ChartDate(iso: "2026-13") == nil)
    #expect(ChartDate(iso: "Licensing") == nil)
    #expect(ChartDate(iso: "1970-01-01")?.day == 0)
    #expect(ChartDate(iso: "2000-03-01")?.civil.month == 3)
    #expect(ChartX.parse("12.5") == .number(12.5))
  }

  @Test func dateTicksFallOnCalendarBoundaries() {
    let lo = ChartDate(iso: "2024-01")!.day, hi = ChartDate(iso: "2026-12")!.day
    let ticks = DateTicks.ticks(from: lo, to: hi, maxCount: 8)
    #expect(ticks.map(\.label) == ["Jan 2024", "Jul", "Jan 2025", "Jul", "Jan 2026", "Jul"])
    let years = DateTicks.ticks(from: ChartDate(iso: "2016-01")!.day, to: hi, maxCount: 6)
    #expect(years.allSatisfy { $0.label.count == 4 })
  }

  @Test func lttbKeepsEndsAndBudget() {
    let xs = (0..<10_000).map(Double.init)
    let ys = xs.map { sin($0 / 100) }
    let idx = LTTB.indices(xs: xs, ys: ys, threshold: 500)
    #expect(idx.count == 500)
    #expect(idx.first == 0 && idx.last == 9_999)
    #expect(idx == idx.sorted())
  }

  @Test func escaping() {
    #expect(SVGWriter.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
    #expect(SVGWriter.escape("bell\u{07}") == "bell")
  }
}

@Suite struct ChartsFormatFastPathTests {
  /// The printf-based digits the fast path must reproduce exactly.
  static func reference(_ value: Double, _ decimals: Int) -> String {
    let scale = pow(10.0, Double(decimals))
    let r = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    var text = String(format: "%.\(decimals)f", r)
    if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let parts = text.split(separator: ".", maxSplits: 1)
    let whole = Array(parts[0])
    var out = ""
    for (i, ch) in whole.enumerated() {
      if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    if parts.count == 2 { out += "." + parts[1] }
    return negative ? "-" + out : out
  }

  @Test func fastGroupingMatchesPrintf() {
    var rng = ChartFixtures.Rng(state: 42)
    var mismatches: [String] = []
    for i in 0..<20_000 {
      let magnitude = pow(10.0, Double(i % 12) - 3)
      let v = (rng.next() - 0.5) * 2 * magnitude
      let d = i % 4
      let fast = ValueFormat.grouped(v, decimals: d)
      if fast != Self.reference(v, d) { mismatches.append("\(v) d=\(d): \(fast) vs \(Self.reference(v, d))") }
    }
    for v in [0.5, 1.25, -1.25, 2.675, 1e14, -0.0, 999.995, 0.045] {
      for d in 0...3 where ValueFormat.grouped(v, decimals: d) != Self.reference(v, d) {
        mismatches.append("\(v) d=\(d)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}
