/// Builds SVG text: every attribute value and text node is escaped here, and every
/// coordinate goes through `num` so output is short, fixed and never `-0`.
///
/// It writes into a byte buffer, appending numbers digit by digit: building thousands of
/// small `String`s with `+` made a chart cost milliseconds.
struct SVGWriter {
  private var bytes: [UInt8] = []

  init(capacity: Int = 8192) { bytes.reserveCapacity(capacity) }

  /// The SVG written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// A coordinate with at most one decimal: `12.5`, `3`, `-0.2`; never `-0`, NaN as `0`.
  static func num(_ v: Double) -> String {
    var w = SVGWriter(capacity: 16)
    w.num(v)
    return w.text
  }

  /// Appends a coordinate (see `num`).
  mutating func num(_ v: Double) {
    guard v.isFinite else {
      bytes.append(48)
      return
    }
    let tenths = (v * 10).rounded(.toNearestOrAwayFromZero)
    guard abs(tenths) < 1e15 else {
      bytes.append(48)
      return
    }
    let t = Int(tenths)
    if t == 0 {
      bytes.append(48)
      return
    }
    if t < 0 { bytes.append(45) }
    let a = t.magnitude
    appendDigits(a / 10)
    let frac = a % 10
    if frac != 0 {
      bytes.append(46)
      bytes.append(48 + UInt8(frac))
    }
  }

  private mutating func appendDigits(_ n: UInt) {
    if n < 10 {
      bytes.append(48 + UInt8(n))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var x = n
    withUnsafeMutableBytes(of: &digits) { buf in
      while x > 0 && count < 20 {
        buf[count] = 48 + UInt8(x % 10)
        x /= 10
        count += 1
      }
      for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buf[i]) }
    }
  }

  /// Escapes `& < > " '` for text and attribute values; drops control characters.
  static func escape(_ s: String) -> String {
    var w = SVGWriter(capacity: s.utf8.count + 8)
    w.esc(s)
    return w.text
  }

  /// Appends escaped text.
  mutating func esc(_ s: String) {
    if !s.utf8.contains(where: { $0 < 32 || $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) {
      bytes.append(contentsOf: s.utf8)
      return
    }
    for b in s.utf8 {
      switch b {
      case 38: bytes.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
      case 60: bytes.append(contentsOf: [38, 108, 116, 59])  // &lt;
      case 62: bytes.append(contentsOf: [38, 103, 116, 59])  // &gt;
      case 34: bytes.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
      case 39: bytes.append(contentsOf: [38, 35, 51, 57, 59])  // &#39;
      case 9, 10: bytes.append(b)
      case 0..<32: continue  // not allowed in XML 1.0
      default: bytes.append(b)
      }
    }
  }

  /// Appends markup as is (never data).
  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// Appends a `<title>` tooltip.
  mutating func tooltip(_ s: String) {
    raw("<title>")
    esc(s)
    raw("</title>")
  }

  /// Appends ` name="number"`.
  mutating func attr(_ name: String, _ v: Double) {
    bytes.append(32)
    raw(name)
    bytes.append(61)
    bytes.append(34)
    num(v)
    bytes.append(34)
  }

  /// Appends ` name="escaped text"`.
  mutating func attr(_ name: String, _ v: String) {
    bytes.append(32)
    raw(name)
    bytes.append(61)
    bytes.append(34)
    esc(v)
    bytes.append(34)
  }

  /// A text element; `anchor` is start, middle or end.
  mutating func label(
    _ content: String, x: Double, y: Double, anchor: String = "start", cls: String = "fc-label",
    size: Double = 11, fill: String = ChartStyle.textColor, weight: String? = nil,
    rotate: Double? = nil, halo: Bool = false, haloColor: String = "#ffffff"
  ) {
    raw("<text class=\"")
    raw(cls)
    raw("\"")
    attr("x", x)
    attr("y", y)
    if anchor != "start" { attr("text-anchor", anchor) }
    attr("font-size", size)
    attr("fill", fill)
    if let weight { attr("font-weight", weight) }
    // A white outline under the glyphs keeps a label legible where it crosses lines.
    if halo {
      raw(" stroke=\"")
      raw(haloColor)
      raw("\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"")
    }
    if let rotate {
      raw(" transform=\"rotate(")
      num(rotate)
      raw(" ")
      num(x)
      raw(" ")
      num(y)
      raw(")\"")
    }
    raw(">")
    esc(content)
    raw("</text>")
  }

  /// A straight line.
  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, cls: String, stroke: String,
    width: Double = 1, dash: String? = nil
  ) {
    raw("<line class=\"")
    raw(cls)
    raw("\"")
    attr("x1", x1)
    attr("y1", y1)
    attr("x2", x2)
    attr("y2", y2)
    attr("stroke", stroke)
    if width != 1 { attr("stroke-width", width) }
    if let dash { attr("stroke-dasharray", dash) }
    raw("/>")
  }

  /// A rectangle; `tooltip` adds a `<title>`; `extra` is trusted markup (attributes).
  mutating func rect(
    x: Double, y: Double, w: Double, h: Double, cls: String, fill: String,
    tooltip: String? = nil, extra: String = ""
  ) {
    raw("<rect class=\"")
    raw(cls)
    raw("\"")
    attr("x", x)
    attr("y", y)
    attr("width", max(0, w))
    attr("height", max(0, h))
    attr("fill", fill)
    raw(extra)
    if let tooltip {
      raw(">")
      self.tooltip(tooltip)
      raw("</rect>")
    } else {
      raw("/>")
    }
  }
}
