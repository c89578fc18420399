/// Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013), used only for drawing:
/// statistics and summaries always come from the full series.
enum LTTB {
  /// Indices of at most `threshold` points that keep the visual shape of `xs`/`ys`.
  static func indices(xs: [Double], ys: [Double], threshold: Int) -> [Int] {
    let n = xs.count
    guard threshold >= 3, n > threshold else { return Array(0..<n) }
    var out = [0]
    out.reserveCapacity(threshold)
    let every = Double(n - 2) / Double(threshold - 2)
    var a = 0
    for i in 0..<(threshold - 2) {
      // Average of the next bucket is the third corner of the triangle.
      let nextStart = Int(Double(i + 1) * every) + 1
      let nextEnd = min(Int(Double(i + 2) * every) + 1, n)
      var avgX = 0.0, avgY = 0.0
      let count = Double(max(1, nextEnd - nextStart))
      for j in nextStart..<max(nextStart, nextEnd) {
        avgX += xs[j]
        avgY += ys[j]
      }
      avgX /= count
      avgY /= count
      let start = Int(Double(i) * every) + 1
      let end = Int(Double(i + 1) * every) + 1
      var best = start, bestArea = -1.0
      for j in start..<min(end, n) {
        let area = abs((xs[a] - avgX) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (avgY - ys[a]))
        if area > bestArea {
          bestArea = area
          best = j
        }
      }
      out.append(best)
      a = best
    }
    out.append(n - 1)
    return out
  }
}
