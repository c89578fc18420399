import Foundation

/// Square-bin density for very large scatters: the SVG size depends on the number of bins,
/// never on the number of points.
enum DensityBins {
  static let cell = 8.0

  static func draw(_ c: inout ChartCanvas, items: [ScatterChart.Item], sx: LinearScale, sy: LinearScale, box: (Double, Double, Double, Double), legendY: Double) {
    let cols = max(1, Int(((box.2 - box.0) / cell).rounded(.up)))
    let rows = max(1, Int(((box.3 - box.1) / cell).rounded(.up)))
    var counts = [Int](repeating: 0, count: cols * rows)
    for it in items {
      let col = min(cols - 1, max(0, Int((sx(it.x) - box.0) / cell)))
      let row = min(rows - 1, max(0, Int((sy(it.y) - box.1) / cell)))
      counts[row * cols + col] += 1
    }
    let maxCount = counts.max() ?? 1
    let classes = ChartStyle.sequential.count
    // Log classes: density spans orders of magnitude, a linear ramp would show one dark bin.
    func level(_ n: Int) -> Int {
      guard maxCount > 1 else { return classes - 1 }
      return min(classes - 1, Int(log(Double(n)) / log(Double(maxCount)) * Double(classes - 1) + 0.5))
    }
    var paths = [String](repeating: "", count: classes)
    for row in 0..<rows {
      for col in 0..<cols where counts[row * cols + col] > 0 {
        let x = box.0 + Double(col) * cell, y = box.1 + Double(row) * cell
        let w = min(cell, box.2 - x), h = min(cell, box.3 - y)
        paths[level(counts[row * cols + col])] += "M" + SVGWriter.num(x) + " " + SVGWriter.num(y) + "h" + SVGWriter.num(w) + "v" + SVGWriter.num(h) + "h" + SVGWriter.num(-w) + "z"
      }
    }
    for (i, d) in paths.enumerated() where !d.isEmpty {
      c.svg.raw("<path class=\"fc-bin q\(i)\" d=\"" + d + "\" fill=\"" + ChartStyle.sequential[i] + "\"/>")
    }
    // Legend: the count each class stands for, top right inside the plot.
    let labelFirst = "1", labelLast = ValueFormat(.si).string(Double(maxCount))
    let lw = 12.0 * Double(classes)
    var x = box.2 - lw - ChartStyle.textWidth(labelLast, size: 10) - 10
    let y = legendY
    c.svg.label("Points per bin " + labelFirst, x: x - 4, y: y + 10, anchor: "end", cls: "fc-legend", size: 10, fill: ChartStyle.mutedText)
    for i in 0..<classes {
      c.svg.rect(x: x, y: y + 1, w: 12, h: 10, cls: "fc-bin q\(i)", fill: ChartStyle.sequential[i])
      x += 12
    }
    c.svg.label(labelLast, x: x + 4, y: y + 10, cls: "fc-legend", size: 10, fill: ChartStyle.mutedText)
  }
}
