import Foundation
import Testing

@testable import FolioKit

@Suite struct ChartsBarTests {
  static let peak = ChartSeries(name: "Peak", points: ChartFixtures.agencies.enumerated().map { ChartPoint($1, 91.5 + Double($0) * 1.3) })
  static let nonPeak = ChartSeries(name: "Non-peak", points: ChartFixtures.agencies.enumerated().map { ChartPoint($1, 96.2 + Double($0) * 0.5) })

  @Test func groupedVertical() {
    var o = ChartOptions(title: "Stability, peak vs non-peak", format: "pct:1")
    o.zeroY = true
    let svg = BarChart(series: [Self.peak, Self.nonPeak], options: o).svg()
    ChartSnapshot.check(svg, named: "bar-grouped")
    #expect(svg.components(separatedBy: "class=\"fc-bar ").count - 1 == 10)
    #expect(svg.contains("<title>Peak · Licensing: 91.5%</title>"))
  }

  @Test func stackedHorizontalSorted() {
    var o = ChartOptions(title: "Incidents by cause", format: "int")
    o.barMode = .stacked
    o.orientation = .horizontal
    o.sort = .descending
    let a = ChartSeries(name: "Latency", points: ChartFixtures.agencies.enumerated().map { ChartPoint($1, Double(($0 * 7) % 11 + 3)) })
    let b = ChartSeries(name: "Errors", points: ChartFixtures.agencies.enumerated().map { ChartPoint($1, Double(($0 * 5) % 9 + 2)) })
    let svg = BarChart(series: [a, b], options: o).svg()
    ChartSnapshot.check(svg, named: "bar-stacked-horizontal")
    // Sorted by total, largest first: Health Portal (10+6=16) leads.
    let first = svg.range(of: ">Health Portal<")!.lowerBound
    let last = svg.range(of: ">Licensing<")!.lowerBound
    #expect(first < last)
  }

  @Test func everyOtherSeriesIsHatchedWithPageUniqueIds() {
    let a = BarChart(series: [Self.peak, Self.nonPeak], options: ChartOptions(title: "A")).svg()
    let b = BarChart(series: [Self.peak, Self.nonPeak], options: ChartOptions(title: "B")).svg()
    func patternID(_ svg: String) -> String? {
      svg.components(separatedBy: "<pattern id=\"").dropFirst().first.map { String($0.prefix { $0 != "\"" }) }
    }
    guard let ida = patternID(a), let idb = patternID(b) else {
      Issue.record("no hatch pattern")
      return
    }
    #expect(ida != idb)
    #expect(a.contains("fill=\"url(#\(ida))\""))
    #expect(a.components(separatedBy: "fc-hatch").count - 1 == 6)  // 5 bars + 1 legend swatch
  }

  @Test func edgeCases() {
    ChartSnapshot.check(BarChart(series: []).svg(), named: "bar-empty")
    let negative = ChartSeries(name: "Δ", points: [ChartPoint("Pre", -3.2), ChartPoint("Post", 4.1), ChartPoint("Other", nil), ChartPoint("NaN", .nan)])
    ChartSnapshot.check(BarChart(series: [negative], options: ChartOptions(title: "Change", format: "delta:1")).svg(), named: "bar-negative")
    let long = ChartSeries(name: "x", points: [ChartPoint("A very long category name that goes on and on beyond reason", 3), ChartPoint("Short", 5)])
    ChartSnapshot.check(BarChart(series: [long]).svg(), named: "bar-long-names")
    var h = ChartOptions(title: "Fifty services")
    h.orientation = .horizontal
    let fifty = ChartSeries(name: "n", points: (0..<50).map { ChartPoint("Service \($0)", Double(($0 * 37) % 101)) })
    let svg50 = BarChart(series: [fifty], options: h).svg()
    ChartSnapshot.check(svg50, named: "bar-fifty-horizontal")
    ChartSnapshot.check(BarChart(series: [fifty]).svg(), named: "bar-fifty-vertical")
    #expect(svg50.utf8.count < 60_000)
  }
}
