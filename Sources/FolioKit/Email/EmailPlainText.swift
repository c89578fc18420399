/// The `text/plain` alternative, written from the same transformed nodes as the HTML:
/// underlined headings, paragraphs wrapped at 72 columns, `- ` list items, cards as
/// `Label: value (change; target)` lines, tables as aligned columns or `label: value` lines.
struct EmailPlainText {
  let title: String
  let edition: String
  let webURL: String?
  /// Chart titles and descriptions by content id.
  let alternatives: [String: (title: String, summary: String)]
  static let width = 72

  func render(_ sections: [[HTMLNode]]) -> String {
    var blocks: [String] = [underline(title + " — " + edition, "=")]
    if let webURL { blocks.append("Full report on the web: " + webURL + "index.html") }
    for section in sections { blocks += self.blocks(section) }
    if let webURL {
      blocks.append(
        "--\nRead the full report, with every chart and table: " + webURL + "index.html")
    }
    return blocks.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
  }

  /// Block-level text of a node list; inline runs between blocks become paragraphs.
  func blocks(_ nodes: [HTMLNode]) -> [String] {
    var out: [String] = []
    var inline = ""
    func flush() {
      let text = collapse(inline)
      if !text.isEmpty { out.append(wrap(text)) }
      inline = ""
    }
    for node in nodes {
      switch node {
      case .text(let t): inline += HTMLTokenizer.decodeEntities(t)
      case .raw, .svg: continue
      case .element(let e):
        if Self.blockNames.contains(e.name) || e.hasClass("card") {
          flush()
          out += block(e)
        } else if e.name == "img" {
          flush()
          out += image(e)
        } else if e.name == "br" {
          inline += "\n"
        } else {
          inline += inlineText(e)
        }
      }
    }
    flush()
    return out
  }

  static let blockNames: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "figure",
    "section",
    "header", "footer", "pre", "hr", "dl", "figcaption", "aside",
  ]

  func block(_ e: HTMLElement) -> [String] {
    if e.hasClass("card") { return [card(e)] }
    if e.hasClass("card-grid") { return [cards(in: e).map(card).joined(separator: "\n")] }
    switch e.name {
    case "h1": return [underline(collapse(inlineText(e)), "=")]
    case "h2": return [underline(collapse(inlineText(e)), "-")]
    case "h3", "h4", "h5", "h6": return [collapse(inlineText(e)).uppercased()]
    case "p", "figcaption": return [wrap(collapse(inlineText(e)))]
    case "pre": return [e.textContent]
    case "hr": return [String(repeating: "-", count: 20)]
    case "ul", "ol":
      var items: [String] = []
      var n = 0
      for case .element(let li) in e.children where li.name == "li" {
        n += 1
        let marker = e.name == "ol" ? "\(n). " : "- "
        let body = blocks(li.children).joined(separator: "\n")
        items.append(
          wrap(collapse(body), first: marker, rest: String(repeating: " ", count: marker.count)))
      }
      return [items.joined(separator: "\n")]
    case "table": return [table(e)]
    case "blockquote":
      return blocks(e.children).map {
        $0.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(
          separator: "\n")
      }
    default: return blocks(e.children)
    }
  }

  /// `Stability score: 95.8 (▼ -0.5 vs last month; ✓ meets target 85.0)`.
  func card(_ e: HTMLElement) -> String {
    var label = ""
    var value = ""
    var notes: [String] = []
    for case .element(let part) in e.children {
      let text = collapse(part.textContent)
      if part.hasClass("card-label") {
        label = text
      } else if part.hasClass("card-value") {
        value = text
      } else if !text.isEmpty {
        notes.append(text)
      }
    }
    let line =
      (label.isEmpty ? "" : label + ": ") + value
      + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
    return wrap(line, first: "", rest: "  ")
  }

  /// The card cells of a card grid, in reading order.
  func cards(in e: HTMLElement) -> [HTMLElement] {
    e.children.flatMap { node -> [HTMLElement] in
      guard case .element(let child) = node else { return [] }
      return child.hasClass("card") ? [child] : cards(in: child)
    }
  }

  func image(_ e: HTMLElement) -> [String] {
    let cid = (e.attribute("src") ?? "").replacingOccurrences(of: "cid:", with: "")
    // Sparklines say little in text; the figures beside them carry the point.
    if e.hasClass("spark-img") { return [] }
    let info = alternatives[cid]
    let title = info?.title ?? e.attribute("alt") ?? "Chart"
    let summary = info?.summary ?? ""
    return [wrap(collapse("[Chart: " + title + "]" + (summary.isEmpty ? "" : " " + summary)))]
  }

  /// A table as aligned columns when it fits in 72 columns, else `header: value` lines per row.
  func table(_ e: HTMLElement) -> String {
    var caption = ""
    var rows: [[String]] = []
    func collect(_ nodes: [HTMLNode]) {
      for case .element(let child) in nodes {
        switch child.name {
        case "caption": caption = collapse(child.textContent)
        case "thead", "tbody", "tfoot": collect(child.children)
        case "tr":
          var cells: [String] = []
          for case .element(let cell) in child.children where cell.name == "td" || cell.name == "th"
          {
            cells.append(collapse(cell.textContent))
          }
          rows.append(cells)
        default: continue
        }
      }
    }
    collect(e.children)
    guard let header = rows.first else { return caption }
    let body = Array(rows.dropFirst())
    var lines: [String] = caption.isEmpty ? [] : [caption]
    let count = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    let total = widths.reduce(0, +) + 2 * max(0, count - 1)
    if total <= Self.width && rows.allSatisfy({ $0.count == count }) {
      func format(_ row: [String]) -> String {
        row.enumerated().map { i, cell in
          let pad = String(repeating: " ", count: widths[i] - cell.count)
          // Numbers right-aligned, text left-aligned.
          let numeric = cell.first.map { $0.isNumber || "-+$€£▲▼".contains($0) } ?? false
          return i == 0 || !numeric ? cell + pad : pad + cell
        }.joined(separator: "  ").trimmingTrailingSpaces()
      }
      lines.append(format(header))
      lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      lines += body.map(format)
    } else {
      for row in body {
        if row.count == 1 {
          lines.append(row[0])
          continue
        }
        lines.append("- " + (row.first ?? ""))
        for (i, cell) in row.enumerated().dropFirst() where i < header.count {
          lines.append(wrap(header[i] + ": " + cell, first: "    ", rest: "      "))
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  func inlineText(_ e: HTMLElement) -> String {
    var text = ""
    for node in e.children {
      switch node {
      case .text(let t): text += HTMLTokenizer.decodeEntities(t)
      case .element(let child):
        if child.name == "br" {
          text += "\n"
        } else if child.name == "img" {
          text += child.hasClass("spark-img") ? "" : "[" + (child.attribute("alt") ?? "image") + "]"
        } else {
          text += inlineText(child)
        }
      default: continue
      }
    }
    if e.name == "a", let href = e.attribute("href"),
      href.hasPrefix("http") || href.hasPrefix("mailto:")
    {
      return text + " <" + href + ">"
    }
    return text
  }

  func underline(_ text: String, _ mark: Character) -> String {
    text + "\n" + String(repeating: mark, count: min(Self.width, text.count))
  }

  /// Collapses runs of whitespace (keeping explicit line breaks) and trims.
  func collapse(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map {
        $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" })
          .joined(separator: " ")
      }
      .filter { !$0.isEmpty }
      .joined(separator: "\n")
  }

  /// Word-wraps each line at 72 columns; long words stay whole.
  func wrap(_ text: String, first: String = "", rest: String = "") -> String {
    var lines: [String] = []
    var prefix = first
    for paragraph in text.split(separator: "\n") {
      var line = prefix
      var hasWord = false
      for word in paragraph.split(separator: " ") {
        if hasWord && line.count + 1 + word.count > Self.width {
          lines.append(line)
          line = rest + word
        } else {
          line += (hasWord ? " " : "") + word
        }
        hasWord = true
        prefix = rest
      }
      lines.append(line)
      prefix = rest
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
