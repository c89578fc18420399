import Foundation

/// Rasterises each distinct SVG once and hands out `<img>` nodes pointing at its `cid:`.
struct ChartCollector {
  let rasterizer: SVGRasterizer
  let chartWidth: Int
  private(set) var images: [InlineImage] = []
  /// For the plain-text part: alt text and description of each image, by cid.
  private(set) var descriptions: [String: (title: String, summary: String)] = [:]
  private var bySource: [String: (cid: String, width: Int, height: Int)] = [:]

  init(rasterizer: SVGRasterizer, chartWidth: Int) {
    self.rasterizer = rasterizer
    self.chartWidth = chartWidth
  }

  mutating func image(for svg: String) throws -> HTMLNode {
    let title =
      Self.firstText(of: "title", in: svg) ?? Self.attribute("aria-label", in: svg) ?? "Chart"
    let summary = Self.firstText(of: "desc", in: svg) ?? ""
    let isSmall = (SVGRasterizer.intrinsicSize(svg)?.width ?? 600) < 200
    let entry: (cid: String, width: Int, height: Int)
    if let known = bySource[svg] {
      entry = known
    } else {
      let raster = try rasterizer.rasterize(svg, displayWidth: chartWidth)
      let n = images.count + 1
      entry = ("chart-\(n)@folio", raster.width, raster.height)
      images.append(InlineImage(cid: entry.cid, filename: "chart-\(n).png", png: raster.png))
      bySource[svg] = entry
      descriptions[entry.cid] = (title, summary)
    }
    return .element(
      HTMLElement(
        "img",
        [
          ("class", isSmall ? "spark-img" : "chart-img"), ("src", "cid:" + entry.cid),
          ("width", "\(entry.width)"),
          ("height", "\(entry.height)"), ("alt", title),
        ]))
  }

  /// The decoded text of the first `<name>` element in an SVG.
  static func firstText(of name: String, in svg: String) -> String? {
    guard let open = svg.range(of: "<" + name + ">"),
      let close = svg.range(of: "</" + name + ">", range: open.upperBound..<svg.endIndex)
    else { return nil }
    let text = HTMLTokenizer.decodeEntities(String(svg[open.upperBound..<close.lowerBound]))
    return text.isEmpty ? nil : text
  }

  static func attribute(_ name: String, in svg: String) -> String? {
    let tagEnd = svg.firstIndex(of: ">") ?? svg.endIndex
    let (element, _, _) = HTMLTokenizer.startTag(Array((String(svg[..<tagEnd]) + ">").utf8), at: 0)
    return element.attribute(name)
  }
}
