import Foundation
import Testing

@testable import FolioKit

/// Small multiples of heatmaps, sparklines and bullets, and scatters over dates.
@Suite struct ChartsMultiplesKindsTests {
  /// The value of `attribute` on the first element carrying `cls`, in each chunk after `marker`.
  static func attribute(_ attribute: String, of cls: String, in svg: String) -> [String] {
    svg.components(separatedBy: "class=\"fc-panel\"").dropFirst().compactMap { panel in
      guard let r = panel.range(of: "class=\"" + cls + "\"") else { return nil }
      let before = panel[..<r.lowerBound]
      let tag = before[(before.range(of: "<", options: .backwards)?.lowerBound ?? before.startIndex)...]
      let after = panel[r.upperBound...].prefix(while: { $0 != ">" })
      for part in [String(tag), String(after)] {
        if let a = part.range(of: " " + attribute + "=\"") {
          return String(part[a.upperBound...].prefix(while: { $0 != "\"" }))
        }
      }
      return nil
    }
  }

  @Test func kindsByName() {
    for name in ["line", "bar", "scatter", "heatmap", "sparkline", "bullet"] {
      #expect(SmallMultiples.Kind(rawValue: name) != nil, "\(name)")
    }
    #expect(SmallMultiples.Kind(rawValue: "pie") == nil)
  }

  @Test func heatmapPanelsShareOneColourScaleAndLegend() {
    let a = ChartSeries(name: "Web", points: [ChartPoint("2026-01", 0), ChartPoint("2026-02", 100), ChartPoint("2026-03", 40)])
    let b = ChartSeries(name: "Web", points: [ChartPoint("2026-01", 50), ChartPoint("2026-02", 50), ChartPoint("2026-03", nil)])
    var o = ChartOptions(title: "Breaches by agency", format: "int")
    o.width = 640
    let svg = SmallMultiples(kind: .heatmap, panels: [.init(title: "Agency A", series: [a]), .init(title: "Agency B", series: [b])], options: o, columns: 2).svg()
    ChartSnapshot.check(svg, named: "multiples-heatmap")
    // One legend for the whole grid, none inside the panels.
    #expect(svg.components(separatedBy: "fc-cell q0").count - 1 == 1)
    #expect(svg.components(separatedBy: "class=\"fc-panel\"").count - 1 == 2)
    // 50 sits mid-scale in panel B: with its own domain (50…50) it would be the flat middle
    // class too, so also check 100 in A is the darkest and 0 the lightest.
    let classes = ChartStyle.sequential.count
    let mid = ChartStyle.sequential[min(classes - 1, Int(0.5 * Double(classes)))]
    let panels = svg.components(separatedBy: "class=\"fc-panel\"").dropFirst().map { String($0) }
    #expect(panels[0].contains("fill=\"" + ChartStyle.sequential[classes - 1] + "\"><title>Web · Feb 2026: 100"))
    #expect(panels[0].contains("fill=\"" + ChartStyle.sequential[0] + "\"><title>Web · Jan 2026: 0"))
    #expect(panels[1].contains("fill=\"" + mid + "\"><title>Web · Jan 2026: 50"))
    #expect(!panels[1].contains(ChartStyle.sequential[classes - 1]))
  }

  @Test func sparklinePanelsShareOneYRange() {
    let svg = SmallMultiples(
      kind: .sparkline,
      panels: [
        .init(title: "A", series: [ChartSeries(name: "", points: [ChartPoint("2026-01", 0), ChartPoint("2026-02", 10)])]),
        .init(title: "B", series: [ChartSeries(name: "", points: [ChartPoint("2026-01", 5), ChartPoint("2026-02", 10)])]),
      ], options: ChartOptions(title: "Tickets", format: "int"), columns: 2
    ).svg()
    ChartSnapshot.check(svg, named: "multiples-sparkline")
    let paths = Self.attribute("d", of: "fc-spark-line", in: svg)
    #expect(paths.count == 2)
    // Parsed as [y1, x2, y2] ("M3" is skipped). Same end value, same height; B starts half way up, not at the bottom as its own range would put it.
    let ys = paths.map { $0.split(whereSeparator: { $0 == " " || $0 == "L" }).compactMap { Double($0) } }
    #expect(ys.count == 2 && ys[0].count == 3 && ys[1].count == 3)
    if ys.count == 2, ys[0].count == 3, ys[1].count == 3 {
      #expect(ys[0][2] == ys[1][2])
      #expect(abs(ys[1][0] - (ys[0][0] + ys[0][2]) / 2) < 0.01)
    }
    #expect(svg.contains("fc-panel-value"))
  }

  @Test func bulletPanelsShareOneMaximum() {
    var o = ChartOptions(title: "Calls answered", format: "int")
    o.target = ChartOptions.Target(150, label: "")
    let svg = SmallMultiples(
      kind: .bullet,
      panels: [
        .init(title: "A", series: [ChartSeries(name: "", points: [ChartPoint("now", 50)])]),
        .init(title: "B", series: [ChartSeries(name: "", points: [ChartPoint("now", 200)])]),
      ], options: o, columns: 2
    ).svg()
    ChartSnapshot.check(svg, named: "multiples-bullet")
    let widths = Self.attribute("width", of: "fc-bullet-bar", in: svg).compactMap(Double.init)
    #expect(widths.count == 2)
    if widths.count == 2 { #expect(abs(widths[1] / widths[0] - 4) < 0.05) }
    let targets = Self.attribute("x1", of: "fc-bullet-target", in: svg)
    #expect(targets.count == 2 && Set(targets).count == 1)
  }

  @Test func scatterOverDatesUsesATimeAxis() {
    let pts = [("2026-01-05", 3.0), ("2026-02-10", 5.0), ("2026-03-14", 4.0), ("2026-04-20", 8.0)]
    let s = ChartSeries(name: "Incidents", points: pts.map { ChartPoint($0.0, $0.1) })
    var o = ChartOptions(title: "Incidents over time", format: "int")
    o.xLabel = "Date"
    o.yLabel = "Hours"
    let svg = ScatterChart(series: [s], options: o).svg()
    ChartSnapshot.check(svg, named: "scatter-dates")
    #expect(svg.contains("Date 14 Mar 2026, Hours 4"))
    #expect(svg.contains(">Feb<") || svg.contains(">Feb 2026<"))
    #expect(svg.contains("Date from 5 Jan 2026 to 20 Apr 2026"))
    // Day numbers (about 20,450 for 2026) must not leak into labels or tooltips.
    #expect(!svg.contains("20,4") && !svg.contains("20.4k") && !svg.contains(">204"))
  }
}
