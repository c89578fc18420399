import Foundation
import Testing

@testable import FolioKit

@Suite struct ChartsSmallTests {
  @Test func sparkline() {
    let svg = Sparkline([3, 4, 2, nil, 5, 6, 5.5], options: ChartOptions(title: "Stability", format: "pct:1")).svg()
    ChartSnapshot.check(svg, named: "sparkline")
    #expect(svg.contains("width=\"96\" height=\"24\""))
    #expect(svg.contains("From 3.0% to 5.5%"))
    ChartSnapshot.check(Sparkline([]).svg(), named: "sparkline-empty")
    ChartSnapshot.check(Sparkline([1, 1, 1]).svg(), named: "sparkline-flat")
  }

  @Test func bulletGraph() {
    let svg = BulletGraph(value: 97.2, target: 99, bands: [90, 97], maximum: 100, options: ChartOptions(title: "Stability", format: "pct:1")).svg()
    ChartSnapshot.check(svg, named: "bullet")
    #expect(svg.contains("aria-label=\"Stability: 97.2%, target 99.0%\""))
    ChartSnapshot.check(BulletGraph(value: nil).svg(), named: "bullet-empty")
    ChartSnapshot.check(BulletGraph(value: -5, target: 10, bands: [0, 5]).svg(), named: "bullet-negative")
  }

  @Test func smallMultiplesShareTheScale() {
    var o = ChartFixtures.options
    o.title = "Stability by agency"
    let svg = SmallMultiples(kind: .line, splitting: ChartFixtures.stability(), options: o).svg()
    ChartSnapshot.check(svg, named: "multiples-line")
    // Every panel draws the same y ticks because the domain is shared.
    let panels = svg.components(separatedBy: "<svg class=\"fc-panel\"").dropFirst()
    #expect(panels.count == 5)
    let ticks = panels.map { p in p.components(separatedBy: "class=\"fc-tick\"").count }
    #expect(Set(ticks).count <= 2)
    let bars = SmallMultiples(kind: .bar, panels: [.init(title: "A", series: [ChartSeries(name: "", points: [ChartPoint("x", 1), ChartPoint("y", 9)])]), .init(title: "B", series: [ChartSeries(name: "", points: [ChartPoint("x", 3)])])]).svg()
    ChartSnapshot.check(bars, named: "multiples-bar")
  }

  @Test func chartEnumDispatchesByName() {
    let series = ChartFixtures.stability(series: 2, months: 6)
    #expect(Chart(type: "nonsense", series: series) == nil)
    for name in Chart.typeNames {
      guard let chart = Chart(type: name, series: series) else {
        Issue.record("no chart for \(name)")
        continue
      }
      ChartSnapshot.assertWellFormed(chart.render())
    }
  }

  @Test func groupingRowsIntoSeries() {
    let s = ChartSeries.grouping(x: ["2026-01", "2026-01", "2026-02"], y: [1, 2, nil], series: ["A", "B", "A"])
    #expect(s.map(\.name) == ["A", "B"])
    #expect(s[0].points.count == 2)
    #expect(s[0].points[1].y == nil)
  }
}

@Suite struct ChartsTableTests {
  @Test func fallbackTableListsEveryValue() {
    let a = ChartSeries(name: "A", points: [ChartPoint("2026-02", 2), ChartPoint("2026-01", 1)])
    let b = ChartSeries(name: "B", points: [ChartPoint("2026-01", nil)])
    let t = ChartTable(series: [a, b], format: ValueFormat(.pct, decimals: 1), xTitle: "Month")
    #expect(t.header == ["Month", "A", "B"])
    #expect(t.rows == [["Jan 2026", "1.0%", "–"], ["Feb 2026", "2.0%", "–"]])
  }
}

@Suite struct ChartsDirectiveOptionTests {
  @Test func appliesValidOptions() {
    var o = ChartOptions()
    for (k, v) in [("title", "Stability"), ("format", "pct:1"), ("target", "98"), ("band", "2025-11..2026-01:Peak"), ("ref-y", "400:SLA"), ("mode", "stacked"), ("sort", "desc"), ("log", "false"), ("ymin", "90"), ("ymax", "100")] {
      #expect(o.set(k, v) == nil, "\(k)=\(v)")
    }
    #expect(o.title == "Stability")
    #expect(o.format == ValueFormat(.pct, decimals: 1))
    #expect(o.target?.value == 98)
    #expect(o.bands.first?.label == "Peak")
    #expect(o.references.first?.label == "SLA")
    #expect(o.barMode == .stacked && o.sort == .descending)
    #expect(o.yDomain == 90...100)
  }

  @Test(arguments: [
    ("colour", "red", "unknown chart option 'colour'"),
    ("format", "pct:x", "unknown format 'pct:x'"),
    ("target", "high", "invalid value 'high' for chart option 'target' (a number)"),
    ("band", "2025-11", "invalid value '2025-11' for chart option 'band'"),
    ("mode", "piled", "invalid value 'piled' for chart option 'mode' (grouped or stacked)"),
  ])
  func rejectsBadOptions(key: String, value: String, message: String) {
    var o = ChartOptions()
    #expect(o.set(key, value)?.hasPrefix(message) == true)
  }
}
