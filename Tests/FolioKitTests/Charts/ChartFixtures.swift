import Foundation

@testable import FolioKit

/// Deterministic sample data shaped like the reliability report's.
enum ChartFixtures {
  static let agencies = ["Licensing", "Tax Filing", "Health Portal", "Transport", "Education"]

  static func month(_ i: Int, from year: Int = 2024) -> String {
    let m = i % 12 + 1
    return "\(year + i / 12)-" + (m < 10 ? "0\(m)" : "\(m)")
  }

  /// 36 months of stability (%) per agency, with a gap in the second series.
  static func stability(series count: Int = 5, months: Int = 36) -> [ChartSeries] {
    (0..<count).map { a in
      ChartSeries(
        name: agencies[a % agencies.count],
        points: (0..<months).map { i in
          let base = 95.0 + Double(a) * 0.5 + 1.2 * sin(Double(i + a * 3) / 4) + Double(i) * 0.03
          let y: Double? = (a == 1 && (14...16).contains(i)) ? nil : (base * 10).rounded() / 10
          return ChartPoint(month(i), y)
        })
    }
  }

  static var options: ChartOptions {
    var o = ChartOptions(title: "Service stability by agency", format: "pct:1")
    o.yLabel = "Stability (%)"
    o.target = .init(98, label: "Target")
    o.bands = [.init(from: "2024-11", to: "2025-01", label: "Peak"), .init(from: "2025-11", to: "2026-01", label: "Peak")]
    return o
  }

  /// A deterministic pseudo-random generator (xorshift), so scatters are reproducible.
  struct Rng {
    var state: UInt64
    mutating func next() -> Double {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Double(state % 1_000_000) / 1_000_000
    }
  }

  static func scatter(points: Int, groups: Int = 3) -> [ChartSeries] {
    var rng = Rng(state: 0x9E37_79B9_7F4A_7C15)
    return (0..<groups).map { g in
      ChartSeries(
        name: agencies[g % agencies.count],
        points: (0..<(points / groups)).map { i in
          let u = rng.next() * 100
          let lat = 120 + u * 3 + rng.next() * 180 + Double(g) * 40
          return ChartPoint(x: .number((u * 10).rounded() / 10), y: (lat * 10).rounded() / 10, label: "svc-\(g)-\(i)")
        })
    }
  }

  static func heatmap(rows: Int = 12, months: Int = 36) -> [ChartSeries] {
    (0..<rows).map { r in
      ChartSeries(
        name: "Service \(r + 1)",
        points: (0..<months).map { i in
          let v = max(0, 8 + 6 * sin(Double(i) / 3 + Double(r)) + Double(r % 4) * 2)
          return ChartPoint(month(i), (v * 10).rounded() / 10)
        })
    }
  }
}
