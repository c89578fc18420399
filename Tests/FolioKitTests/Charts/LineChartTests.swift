import Foundation
import Testing

@testable import FolioKit

@Suite struct ChartsLineTests {
  @Test func stabilityTrendMatchesGolden() {
    let svg = LineChart(series: ChartFixtures.stability(), options: ChartFixtures.options).svg()
    ChartSnapshot.check(svg, named: "line-stability")
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("<desc>Line chart of 5 series from Jan 2024 to Dec 2026."))
    #expect(svg.contains("class=\"fc-band\""))
    #expect(svg.contains("Target 98.0%"))
  }

  @Test func gapsBreakTheLine() {
    let s = ChartSeries(name: "A", points: [ChartPoint("2026-01", 1), ChartPoint("2026-02", 2), ChartPoint("2026-03", nil), ChartPoint("2026-04", .nan), ChartPoint("2026-05", 3), ChartPoint("2026-06", 4)])
    let svg = LineChart(series: [s]).svg()
    ChartSnapshot.check(svg, named: "line-gaps")
    let d = svg.components(separatedBy: "class=\"fc-line s0\" d=\"")[1].prefix(while: { $0 != "\"" })
    #expect(d.filter { $0 == "M" }.count == 2)
  }

  @Test func edgeCases() {
    ChartSnapshot.check(LineChart(series: []).svg(), named: "line-empty")
    ChartSnapshot.check(LineChart(series: [ChartSeries(name: "only", points: [ChartPoint("2026-03", 5)])]).svg(), named: "line-one-point")
    ChartSnapshot.check(LineChart(series: [ChartSeries(name: "flat", points: (0..<12).map { ChartPoint(ChartFixtures.month($0), 7) })]).svg(), named: "line-all-equal")
    let negative: [ChartPoint] = (0..<24).map { (i: Int) -> ChartPoint in
      let v: Double = sin(Double(i) / 3.0) * 40.0 - 10.0
      return ChartPoint(ChartFixtures.month(i), v)
    }
    ChartSnapshot.check(LineChart(series: [ChartSeries(name: "delta", points: negative)]).svg(), named: "line-negative")
    let oneDay = ChartSeries(name: "day", points: [ChartPoint("2026-03-14", 3), ChartPoint("2026-03-14", 4)])
    ChartSnapshot.check(LineChart(series: [oneDay]).svg(), named: "line-one-day")
    let decade = ChartSeries(name: "decade", points: (0..<120).map { ChartPoint(ChartFixtures.month($0, from: 2016), Double($0 % 17)) })
    ChartSnapshot.check(LineChart(series: [decade]).svg(), named: "line-ten-years")
    let days = ChartSeries(name: "daily", points: (1...30).map { (d: Int) -> ChartPoint in
      let day: String = d < 10 ? "0\(d)" : "\(d)"
      return ChartPoint("2026-04-" + day, Double(d * d % 11))
    })
    ChartSnapshot.check(LineChart(series: [days]).svg(), named: "line-days")
  }

  @Test func escapesSeriesNamesAndTitles() {
    var o = ChartOptions(title: "A <b>&\"quoted\"</b>")
    o.yLabel = "x'y"
    let svg = LineChart(series: [ChartSeries(name: "<script>&", points: [ChartPoint("2026-01", 1), ChartPoint("2026-02", 2)])], options: o).svg()
    ChartSnapshot.assertWellFormed(svg)
    #expect(!svg.contains("<script>"))
    #expect(svg.contains("&lt;script&gt;&amp;"))
    #expect(svg.contains("A &lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt;"))
  }

  @Test func longLineIsThinnedAndSmall() {
    let s = ChartSeries(name: "load", points: (0..<100_000).map { (i: Int) -> ChartPoint in
      let y: Double = sin(Double(i) / 500.0) * 100.0 + Double(i % 7)
      return ChartPoint(x: .number(Double(i)), y: y)
    })
    let svg = LineChart(series: [s]).svg()
    ChartSnapshot.assertWellFormed(svg)
    #expect(svg.utf8.count <= 60_000)
    // The summary comes from every point, not the thinned ones.
    #expect(svg.contains("from 0 to 99,999"))
  }

  @Test func manySeriesStayUnderBudget() {
    let wide = (0..<50).map { s in
      ChartSeries(name: "Service \(s)", points: (0..<36).map { ChartPoint(ChartFixtures.month($0), Double(($0 * 7 + s * 3) % 40)) })
    }
    let svg50 = LineChart(series: wide).svg()
    ChartSnapshot.assertWellFormed(svg50)
    #expect(svg50.utf8.count <= 60_000)
    let long = (0..<20).map { s in
      ChartSeries(name: "S\(s)", points: (0..<5_000).map { ChartPoint(x: .number(Double($0)), y: sin(Double($0 + s * 100) / 300)) })
    }
    let svgLong = LineChart(series: long).svg()
    ChartSnapshot.assertWellFormed(svgLong)
    #expect(svgLong.utf8.count <= 60_000)
  }

  @Test func categoryAxis() {
    let s = ChartSeries(name: "Errors", points: ["Q1", "Q2", "Q3", "Q4"].enumerated().map { ChartPoint($1, Double($0 * 3 + 1)) })
    let svg = LineChart(series: [s], options: ChartOptions(title: "By quarter")).svg()
    ChartSnapshot.check(svg, named: "line-categories")
    #expect(svg.contains(">Q4<"))
  }

  @Test func logScale() {
    var o = ChartOptions(title: "Requests", format: "si")
    o.logY = true
    let s = ChartSeries(name: "req", points: (0..<24).map { ChartPoint(ChartFixtures.month($0), pow(10, 1 + Double($0) / 6)) } + [ChartPoint("2026-01", 0)])
    let svg = LineChart(series: [s], options: o).svg()
    ChartSnapshot.check(svg, named: "line-log")
    #expect(svg.contains(">10k<"))
  }

  @Test func outputIsDeterministic() {
    let a = LineChart(series: ChartFixtures.stability(), options: ChartFixtures.options).svg()
    let b = LineChart(series: ChartFixtures.stability(), options: ChartFixtures.options).svg()
    #expect(a == b)
    #expect(!a.contains("-0 ") && !a.contains("\"-0\"") && !a.contains("nan"))
  }

  @Test func explicitSizeForRasterising() {
    var o = ChartOptions()
    o.explicitSize = true
    let svg = LineChart(series: ChartFixtures.stability(series: 1), options: o).svg()
    #expect(svg.prefix(200).contains("width=\"640\" height=\"320\""))
    #expect(!LineChart(series: ChartFixtures.stability(series: 1)).svg().prefix(200).contains("width=\"640\" height"))
  }
}
