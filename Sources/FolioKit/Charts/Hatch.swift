/// Diagonal hatching for every other bar series, so categories never differ by colour alone.
///
/// Pattern ids must be unique on a page that inlines many charts, and output must be
/// deterministic, so the id is a hash (FNV-1a) of what the chart shows.
struct Hatch {
  let id: String
  let count: Int

  init(key: String, count: Int) {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key.utf8 {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    id = "fc-h" + String(h & 0xffff_ffff, radix: 16)
    self.count = count
  }

  func applies(_ series: Int) -> Bool { series % 2 == 1 }

  /// The fill for a series: a pattern reference when hatched, else nil (plain colour).
  func fill(_ series: Int) -> String? { applies(series) ? "url(#\(id)-\(series))" : nil }

  func writeDefs(_ svg: inout SVGWriter) {
    svg.raw("<defs>")
    for i in 0..<count where applies(i) {
      svg.raw("<pattern id=\"\(id)-\(i)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">")
      svg.raw("<rect class=\"fc-pattern-bg s\(i % 8)\" width=\"6\" height=\"6\" fill=\"" + ChartStyle.color(i) + "\"/>")
      svg.raw("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2.2\" stroke-opacity=\"0.55\"/>")
      svg.raw("</pattern>")
    }
    svg.raw("</defs>")
  }
}
