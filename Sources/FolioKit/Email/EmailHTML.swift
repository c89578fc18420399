import Foundation

/// Turns fragments of Folio page HTML (the inside of `<main>`) into mail-client HTML:
/// charts become `cid:` PNGs, interactive and web-only parts go, cards become table
/// cells, everything sits in a 640 px table layout with the CSS inlined.
public struct EmailHTML: Sendable {
  /// What the transformation produced.
  public struct Result: Sendable {
    /// The complete HTML document for the email (images referenced as `cid:`).
    public var html: String
    /// The plain-text alternative.
    public var text: String
    /// One PNG per distinct chart, in order of appearance.
    public var images: [InlineImage]
  }

  public var title: String
  /// Shown under the title, e.g. `Edition Nov 2026`.
  public var edition: String
  /// Absolute URL of the web edition (e.g. `https://reports.example/2026-11/`); relative
  /// links resolve against it, and the footer links to it. Without it links become text.
  public var webURL: String?
  public var rasterizer: SVGRasterizer
  public var stylesheet: String
  /// Charts are shown at most this many CSS pixels wide (the content cell is 600).
  public var chartWidth: Int

  public init(
    title: String, edition: String, webURL: String? = nil,
    rasterizer: SVGRasterizer = SVGRasterizer(),
    stylesheet: String = EmailStyles.css, chartWidth: Int = 600
  ) {
    self.title = title
    self.edition = edition
    self.webURL = webURL.map { $0.hasSuffix("/") || $0.isEmpty ? $0 : $0 + "/" }
    self.rasterizer = rasterizer
    self.stylesheet = stylesheet
    self.chartWidth = chartWidth
  }

  /// Builds the email HTML and text from page fragments (each becomes a section).
  public func render(fragments: [String]) throws -> Result {
    var charts = ChartCollector(rasterizer: rasterizer, chartWidth: chartWidth)
    var sections: [[HTMLNode]] = []
    for fragment in fragments {
      sections.append(try transform(HTMLTokenizer.parse(fragment), charts: &charts))
    }
    var content: [HTMLNode] = []
    for (i, section) in sections.enumerated() {
      if i == 0 {
        content += section
      } else {
        content.append(
          .element(HTMLElement("div", [("class", "email-section")], children: section)))
      }
    }
    let text = EmailPlainText(
      title: title, edition: edition, webURL: webURL, alternatives: charts.descriptions
    )
    .render(sections)
    let document = layout(content)
    let inlined = HTMLTokenizer.serialize(CSSInliner(css: stylesheet).inline(document.body))
    let html = document.head + inlined + "\n</html>\n"
    return Result(html: html, text: text, images: charts.images)
  }

  /// The document shell around the content: head (no stylesheet links) and the
  /// table-based 640 px frame.
  func layout(_ content: [HTMLNode]) -> (head: String, body: [HTMLNode]) {
    let head = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light only">
      <title>\(esc(title + " · " + edition))</title>
      </head>

      """
    func table(_ cls: String, width: String, _ rows: [HTMLNode]) -> HTMLNode {
      .element(
        HTMLElement(
          "table",
          [
            ("class", cls), ("role", "presentation"), ("width", width), ("cellpadding", "0"),
            ("cellspacing", "0"), ("border", "0"),
          ],
          children: rows))
    }
    func row(_ cell: HTMLElement) -> HTMLNode {
      .element(HTMLElement("tr", children: [.element(cell)]))
    }
    let header = HTMLElement(
      "td", [("class", "email-header")],
      children: [
        .element(HTMLElement("div", [("class", "email-title")], children: [.text(esc(title))])),
        .element(HTMLElement("div", [("class", "email-edition")], children: [.text(esc(edition))])),
      ])
    var footerChildren: [HTMLNode] = []
    if let webURL {
      footerChildren.append(
        .element(
          HTMLElement(
            "a", [("href", webURL + "index.html")],
            children: [.text("Read the full report on the web")])))
      footerChildren.append(.text(" · "))
    }
    footerChildren.append(
      .text(
        esc(
          title + " · " + edition
            + " · the overview and insights; the web edition has every page, table and data file."))
    )
    let footer = HTMLElement("td", [("class", "email-footer")], children: footerChildren)
    let frame = table(
      "email-frame", width: "640",
      [
        row(header), row(HTMLElement("td", [("class", "email-content")], children: content)),
        row(footer),
      ])
    let outerCell = HTMLElement(
      "td", [("class", "email-outer-cell"), ("align", "center")], children: [frame])
    let body = HTMLElement(
      "body", [("class", "email-body")],
      children: [table("email-outer", width: "100%", [row(outerCell)])])
    return (head, [.element(body)])
  }

  /// Rewrites a fragment's nodes for mail clients.
  func transform(_ nodes: [HTMLNode], charts: inout ChartCollector) throws -> [HTMLNode] {
    var out: [HTMLNode] = []
    var cardRun: [HTMLElement] = []
    func flushCards() {
      guard !cardRun.isEmpty else { return }
      out.append(cardTable(cardRun))
      cardRun = []
    }
    for node in nodes {
      switch node {
      case .svg(let svg):
        flushCards()
        out.append(try charts.image(for: svg))
      case .raw:
        continue  // comments, doctypes: nothing a mail client needs
      case .text(let t):
        // Whitespace between cards keeps the run going.
        if !cardRun.isEmpty, t.allSatisfy(\.isWhitespace) { continue }
        flushCards()
        out.append(node)
      case .element(var e):
        if [
          "script", "style", "link", "meta", "details", "noscript", "iframe", "form", "object",
          "video", "audio",
        ].contains(e.name) {
          continue
        }
        if e.name == "a" && e.hasClass("download") { continue }
        if e.name == "span" && e.hasClass("bar") { continue }  // positioned bars need CSS mail lacks
        e.children = try transform(e.children, charts: &charts)
        if e.name == "div" && e.hasClass("card") {
          cardRun.append(e)
          continue
        }
        flushCards()
        if e.name == "figure" { e.name = "div" }
        if e.name == "img", let src = e.attribute("src"), !src.hasPrefix("cid:") {
          // Images other than our charts would be external or data: resources.
          if let alt = e.attribute("alt"), !alt.isEmpty { out.append(.text(esc(alt))) }
          continue
        }
        if e.name == "a" {
          guard let href = resolve(e.attribute("href")) else {
            out += e.children  // keep the text, drop a link that cannot work in a mail
            continue
          }
          e.setAttribute("href", href)
        }
        e.removeAttribute("id")
        e.removeAttribute("aria-current")
        // Anything that could fetch from the network goes: the email makes no external requests.
        for key in ["srcset", "background", "poster", "data-src"] { e.removeAttribute(key) }
        if let style = e.attribute("style"), style.lowercased().contains("url(") {
          e.removeAttribute("style")
        }
        out.append(.element(e))
      }
    }
    flushCards()
    return out
  }

  /// The inside of the first `<main>` element of a page Folio wrote, or nil when it has none.
  public static func mainContent(of page: String) -> String? {
    guard let open = page.range(of: "<main"),
      let tagEnd = page[open.upperBound...].firstIndex(of: ">"),
      let close = page.range(of: "</main>", options: .backwards), close.lowerBound > tagEnd
    else { return nil }
    return String(page[page.index(after: tagEnd)..<close.lowerBound])
  }

  /// Absolute links pass; relative ones resolve against `webURL`, or are dropped (nil).
  func resolve(_ href: String?) -> String? {
    guard let href, !href.isEmpty, !href.hasPrefix("#") else { return nil }
    let lower = href.lowercased()
    if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") {
      return href
    }
    if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("file:") {
      return nil
    }
    guard let webURL else { return nil }
    var path = href
    while path.hasPrefix("./") { path.removeFirst(2) }
    return webURL + path
  }

  /// Cards, two to a row, as table cells (inline-block divs do not survive Outlook).
  func cardTable(_ cards: [HTMLElement]) -> HTMLNode {
    var rows: [HTMLNode] = []
    var index = 0
    while index < cards.count {
      var cells: [HTMLNode] = []
      for k in 0..<2 {
        if k == 1 {
          cells.append(
            .element(
              HTMLElement(
                "td", [("class", "card-gap"), ("width", "2%")], children: [.text("&nbsp;")])))
        }
        if index + k < cards.count {
          var cell = cards[index + k]
          cell.name = "td"
          cell.setAttribute("width", "49%")
          cells.append(.element(cell))
        } else {
          cells.append(.element(HTMLElement("td", [("width", "49%")], children: [.text("&nbsp;")])))
        }
      }
      rows.append(.element(HTMLElement("tr", children: cells)))
      index += 2
    }
    var table: [HTMLNode] = []
    for row in rows {
      table.append(
        .element(
          HTMLElement(
            "table",
            [
              ("class", "cards"), ("role", "presentation"), ("width", "100%"), ("cellpadding", "0"),
              ("cellspacing", "0"), ("border", "0"),
            ],
            children: [row])))
    }
    return .element(HTMLElement("div", [("class", "card-grid")], children: table))
  }
}
