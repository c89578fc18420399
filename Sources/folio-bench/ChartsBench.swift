import Dispatch
import Foundation
import FolioKit

/// Times the chart engine: 1,000 typical charts, and the size of the worst cases.
func runChartsBench() {
  func month(_ i: Int) -> String {
    let m = i % 12 + 1
    return "\(2024 + i / 12)-" + (m < 10 ? "0\(m)" : "\(m)")
  }
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  func random() -> Double {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return Double(state % 1_000_000) / 1_000_000
  }
  let line = (0..<5).map { a in
    ChartSeries(name: "Agency \(a + 1)", points: (0..<36).map { i in ChartPoint(month(i), 95 + Double(a) * 0.5 + sin(Double(i + a) / 4)) })
  }
  var lineOptions = ChartOptions(title: "Stability", format: "pct:1")
  lineOptions.target = .init(98)
  lineOptions.bands = [.init(from: "2024-11", to: "2025-01", label: "Peak")]
  let scatter = (0..<4).map { g in
    ChartSeries(name: "Group \(g)", points: (0..<50).map { _ in ChartPoint(random() * 100, 100 + random() * 500) })
  }
  var scatterOptions = ChartOptions(title: "Latency vs utilisation", format: "ms")
  scatterOptions.references = [.init(.y, 400, label: "SLA")]
  let heat = (0..<12).map { r in
    ChartSeries(name: "Service \(r + 1)", points: (0..<36).map { i in ChartPoint(month(i), random() * 20) })
  }
  let charts: [Chart] = [
    .line(LineChart(series: line, options: lineOptions)),
    .scatter(ScatterChart(series: scatter, options: scatterOptions)),
    .heatmap(Heatmap(series: heat, options: ChartOptions(title: "Breaches", format: "num:1"))),
  ]

  func seconds(_ body: () -> Void) -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
  }
  // CPU time of this process: on a shared, loaded machine wall time mostly measures the queue.
  func cpuSeconds(_ body: () -> Void) -> Double {
    var a = timespec(), b = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a)
    body()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b)
    return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
  }
  func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

  var bytes = 0
  var cpu: [Double] = []
  let runs = (0..<5).map { _ in
    seconds {
      cpu.append(cpuSeconds {
        bytes = 0
        for i in 0..<1000 { bytes += charts[i % 3].render().utf8.count }
      })
    }
  }
  print("charts: 1,000 typical charts (line 5×36, scatter 200, heatmap 12×36): median \(String(format: "%.3f", median(runs))) s wall, \(String(format: "%.3f", median(cpu))) s CPU over 5 runs, \(bytes / 1000) bytes a chart on average")
  for (name, chart) in zip(["line 5×36", "scatter 200", "heatmap 12×36"], charts) {
    let t = median((0..<3).map { _ in cpuSeconds { for _ in 0..<100 { _ = chart.render() } } }) * 10
    print("charts: \(name): \(chart.render().utf8.count) bytes, \(String(format: "%.2f", t)) ms CPU a chart")
  }

  let long = ChartSeries(name: "load", points: (0..<100_000).map { ChartPoint(Double($0), sin(Double($0) / 500) * 100 + random() * 10) })
  var longSVG = ""
  let longTime = median((0..<3).map { _ in cpuSeconds { longSVG = LineChart(series: [long]).svg() } })
  print("charts: 100,000-point line: \(longSVG.utf8.count) bytes, median \(String(format: "%.3f", longTime)) s CPU")

  let million = (0..<2).map { g in
    ChartSeries(name: "g\(g)", points: (0..<500_000).map { _ in
      let u = random() * 100
      return ChartPoint(u, 120 + u * 3 + random() * 180)
    })
  }
  var bigSVG = ""
  let bigTime = median((0..<3).map { _ in cpuSeconds { bigSVG = ScatterChart(series: million, options: scatterOptions).svg() } })
  print("charts: 1,000,000-point scatter (binned): \(bigSVG.utf8.count) bytes, median \(String(format: "%.3f", bigTime)) s CPU")
}
