import Foundation

/// Turns query columns into the chart engine's typed series.
struct ChartBridge {
  /// An inline sparkline for table cells and cards.
  func sparkline(_ values: [Double?]) -> String {
    Sparkline(values, options: ChartOptions()).svg()
  }
}
