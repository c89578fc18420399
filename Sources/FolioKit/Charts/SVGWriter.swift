/// Builds SVG text: every attribute value and text node is escaped here, and every
/// coordinate goes through `num` so output is short, fixed and never `-0`.
struct SVGWriter {
  private(set) var text: String = ""

  init(capacity: Int = 8192) { text.reserveCapacity(capacity) }

  /// A coordinate with at most one decimal: `12.5`, `3`, `-0.2`; never `-0`, NaN as `0`.
  static func num(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let tenths = (v * 10).rounded(.toNearestOrAwayFromZero)
    guard abs(tenths) < 1e15 else { return "0" }
    let t = Int(tenths)
    if t == 0 { return "0" }
    let a = abs(t)
    let whole = a / 10
    let frac = a % 10
    let body = frac == 0 ? "\(whole)" : "\(whole).\(frac)"
    return t < 0 ? "-" + body : body
  }

  /// Escapes `& < > " '` for text and attribute values.
  static func escape(_ s: String) -> String {
    var needs = false
    for b in s.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 || b < 0x20 {
      needs = true
      break
    }
    guard needs else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    for ch in s.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // Control characters are not allowed in XML 1.0; drop them.
        if ch.value < 0x20 && ch != "\n" && ch != "\t" { continue }
        out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  mutating func raw(_ s: String) { text += s }

  /// Opens an element with escaped attributes; `close` makes it self-closing.
  mutating func open(_ name: String, _ attrs: KeyValuePairs<String, String>, close: Bool = false) {
    text += "<" + name
    for (k, v) in attrs { text += " " + k + "=\"" + Self.escape(v) + "\"" }
    text += close ? "/>" : ">"
  }

  mutating func end(_ name: String) { text += "</" + name + ">" }

  /// A self-closing element.
  mutating func element(_ name: String, _ attrs: KeyValuePairs<String, String>) {
    open(name, attrs, close: true)
  }

  /// An element with a tooltip `<title>` child.
  mutating func element(_ name: String, _ attrs: KeyValuePairs<String, String>, tooltip: String) {
    open(name, attrs)
    text += "<title>" + Self.escape(tooltip) + "</title>"
    end(name)
  }

  /// A text element; `anchor` is start, middle or end.
  mutating func label(
    _ content: String, x: Double, y: Double, anchor: String = "start", cls: String = "fc-label",
    size: Double = 11, fill: String = ChartStyle.textColor, weight: String? = nil,
    rotate: Double? = nil, halo: Bool = false
  ) {
    text += "<text class=\"" + cls + "\" x=\"" + Self.num(x) + "\" y=\"" + Self.num(y) + "\""
    if anchor != "start" { text += " text-anchor=\"" + anchor + "\"" }
    text += " font-size=\"" + Self.num(size) + "\" fill=\"" + fill + "\""
    if let weight { text += " font-weight=\"" + weight + "\"" }
    // A white outline under the glyphs keeps a label legible where it crosses lines.
    if halo { text += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
    if let rotate {
      text += " transform=\"rotate(" + Self.num(rotate) + " " + Self.num(x) + " " + Self.num(y) + ")\""
    }
    text += ">" + Self.escape(content) + "</text>"
  }

  /// A straight line.
  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, cls: String, stroke: String,
    width: Double = 1, dash: String? = nil
  ) {
    text += "<line class=\"" + cls + "\" x1=\"" + Self.num(x1) + "\" y1=\"" + Self.num(y1)
    text += "\" x2=\"" + Self.num(x2) + "\" y2=\"" + Self.num(y2) + "\" stroke=\"" + stroke + "\""
    if width != 1 { text += " stroke-width=\"" + Self.num(width) + "\"" }
    if let dash { text += " stroke-dasharray=\"" + dash + "\"" }
    text += "/>"
  }

  /// A rectangle; `tooltip` adds a `<title>`.
  mutating func rect(
    x: Double, y: Double, w: Double, h: Double, cls: String, fill: String,
    tooltip: String? = nil, extra: String = ""
  ) {
    text += "<rect class=\"" + cls + "\" x=\"" + Self.num(x) + "\" y=\"" + Self.num(y)
    text += "\" width=\"" + Self.num(max(0, w)) + "\" height=\"" + Self.num(max(0, h))
    text += "\" fill=\"" + fill + "\"" + extra
    if let tooltip {
      text += "><title>" + Self.escape(tooltip) + "</title></rect>"
    } else {
      text += "/>"
    }
  }
}
