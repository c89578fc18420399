import Foundation

/// How a value is written for people: the one formatter behind templates,
/// tables, cards and chart axes, so a figure reads the same everywhere.
///
/// Specs are written `kind[:decimals]`, e.g. `pct:1`, `usd:0`, `ms`, `num:2`,
/// `si`, `int`, `delta:1`, `deltapct:1`, `date`, `month`. Output is locale-free
/// and deterministic: `,` groups thousands, `.` marks decimals, `−` (U+2212) is
/// never used so that values stay greppable; a minus is ASCII `-`.
public struct ValueFormat: Equatable, Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    /// Grouped number: `12,345.6`.
    case num
    /// Whole number: `12,346`.
    case int
    /// A value already in percent: `12.3%`.
    case pct
    /// Milliseconds: `245 ms`.
    case ms
    /// US dollars: `$12,345`.
    case usd
    /// SI prefix: `1.2k`, `3.4M`.
    case si
    /// Signed difference: `+1.2`, `-0.4`.
    case delta
    /// Signed difference in percentage points: `+1.2 pp`.
    case deltapp
    /// Date `YYYY-MM-DD` as `3 Dec 2026`.
    case date
    /// Month `YYYY-MM` (or a date) as `Dec 2026`.
    case month
    /// Text as it is.
    case text
  }

  public var kind: Kind
  public var decimals: Int?

  public init(_ kind: Kind, decimals: Int? = nil) {
    self.kind = kind
    self.decimals = decimals
  }

  /// Parses `kind[:decimals]`; nil when the kind is unknown.
  public init?(spec: String) {
    let parts = spec.split(separator: ":", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let first = parts.first, let kind = Kind(rawValue: first.lowercased()) else {
      return nil
    }
    self.kind = kind
    if parts.count == 2 {
      guard let d = Int(parts[1]), (0...10).contains(d) else { return nil }
      self.decimals = d
    }
  }

  /// The names a template may use, for error messages.
  public static var kindNames: [String] { Kind.allCases.map(\.rawValue) }

  static let missing = "–"

  /// Formats a number; NaN and infinities read as a dash.
  public func string(_ value: Double?) -> String {
    guard let value, value.isFinite else { return Self.missing }
    switch kind {
    case .num: return Self.grouped(value, decimals: decimals ?? Self.autoDecimals(value))
    case .int: return Self.grouped(value, decimals: 0)
    case .pct: return Self.grouped(value, decimals: decimals ?? 1) + "%"
    case .ms: return Self.grouped(value, decimals: decimals ?? 0) + " ms"
    case .usd:
      let body = Self.grouped(abs(value), decimals: decimals ?? 0)
      return (Self.rounded(value, decimals ?? 0) < 0 ? "-$" : "$") + body
    case .si: return Self.si(value, decimals: decimals ?? 1)
    case .delta: return Self.signed(value, decimals: decimals ?? 1)
    case .deltapp: return Self.signed(value, decimals: decimals ?? 1) + " pp"
    case .date, .month, .text: return Self.grouped(value, decimals: decimals ?? Self.autoDecimals(value))
    }
  }

  /// Formats text: dates and months are rewritten, anything else passes through.
  public func string(text: String) -> String {
    switch kind {
    case .date: return Self.dateLabel(text) ?? text
    case .month: return Self.monthLabel(text) ?? text
    case .text: return text
    default:
      if let number = Double(text.trimmingCharacters(in: .whitespaces)) { return string(number) }
      return text
    }
  }

  // MARK: - Number pieces

  static func rounded(_ value: Double, _ decimals: Int) -> Double {
    let scale = pow(10.0, Double(decimals))
    return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
  }

  /// Decimals that show a value without noise: 0 for big numbers, up to 2 for small.
  static func autoDecimals(_ value: Double) -> Int {
    let a = abs(value)
    if a >= 100 || a == a.rounded() { return 0 }
    if a >= 10 { return 1 }
    return 2
  }

  /// `1234567.891` with 2 decimals → `1,234,567.89`.
  public static func grouped(_ value: Double, decimals: Int) -> String {
    if let fast = groupedFast(value, decimals: decimals) { return fast }
    // Round half away from zero first: printf alone rounds 1.25 to 1.2.
    var text = String(format: "%.\(decimals)f", rounded(value, decimals))
    if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }  // no "-0.0"
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let parts = text.split(separator: ".", maxSplits: 1)
    let whole = Array(parts[0])
    var out = ""
    for (i, ch) in whole.enumerated() {
      if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    if parts.count == 2 { out += "." + parts[1] }
    return negative ? "-" + out : out
  }

  /// The same digits as `grouped` by integer arithmetic: `String(format:)` costs microseconds
  /// a call on Linux, and a chart formats hundreds of tooltips. Nil when out of range.
  static func groupedFast(_ value: Double, decimals: Int) -> String? {
    guard decimals >= 0, decimals <= 6 else { return nil }
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
    guard scaled.isFinite, abs(scaled) < 1e15 else { return nil }
    let n = Int(scaled)
    let a = n.magnitude
    var out: [UInt8] = []
    out.reserveCapacity(28)
    if n < 0 { out.append(45) }  // "-"
    var whole = a / UInt(scale)
    var digits: [UInt8] = []
    digits.reserveCapacity(20)
    repeat {
      digits.append(48 + UInt8(whole % 10))
      whole /= 10
    } while whole > 0
    // digits[i] is the digit worth 10^i; a comma follows every third one from the right.
    for i in stride(from: digits.count - 1, through: 0, by: -1) {
      out.append(digits[i])
      if i > 0 && i % 3 == 0 { out.append(44) }
    }
    if decimals > 0 {
      out.append(46)  // "."
      let frac = a % UInt(scale)
      var div = UInt(scale) / 10
      while div > 0 {
        out.append(48 + UInt8((frac / div) % 10))
        div /= 10
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func signed(_ value: Double, decimals: Int) -> String {
    let body = grouped(value, decimals: decimals)
    if body.hasPrefix("-") { return body }
    return rounded(value, decimals) == 0 ? "±" + body : "+" + body
  }

  static func si(_ value: Double, decimals: Int) -> String {
    let a = abs(value)
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
    for (scale, suffix) in units where a >= scale * 0.9995 {
      var text = grouped(value / scale, decimals: decimals)
      if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
      }
      return text + suffix
    }
    return grouped(value, decimals: a < 10 && a != a.rounded() ? min(decimals + 1, 2) : 0)
  }

  // MARK: - Dates

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `2026-03` or `2026-03-14` → `Mar 2026`.
  public static func monthLabel(_ text: String) -> String? {
    let parts = text.split(separator: "-")
    guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]),
      (1...12).contains(month)
    else { return nil }
    return "\(monthNames[month - 1]) \(year)"
  }

  /// `2026-03-14` → `14 Mar 2026`.
  public static func dateLabel(_ text: String) -> String? {
    let parts = text.split(separator: "-")
    guard parts.count == 3, let day = Int(parts[2]), let label = monthLabel(text) else {
      return monthLabel(text)
    }
    return "\(day) \(label)"
  }
}

// MARK: - Axis ticks

extension ValueFormat {
  /// Decimals a tick step needs: step 0.5 → 1, step 20 → 0, step 0.02 → 2.
  public static func stepDecimals(_ step: Double) -> Int {
    guard step > 0, step.isFinite else { return 0 }
    return max(0, min(6, Int(-floor(log10(step) + 1e-9))))
  }

  /// Formats an axis tick with the precision its step needs, so ticks 0, 0.5, 1 read
  /// `0.0 0.5 1.0` and ticks 0, 20, 40 with `pct:1` read `0% 20% 40%`.
  public func tick(_ value: Double, step: Double) -> String {
    switch kind {
    case .int: return string(value)
    case .si:
      let a = abs(value)
      let scale: Double = a >= 999.5e9 ? 1e12 : a >= 999.5e6 ? 1e9 : a >= 999.5e3 ? 1e6 : a >= 999.5 ? 1e3 : 1
      return Self.si(value, decimals: Self.stepDecimals(step / scale))
    case .date, .month, .text: return ValueFormat(.num, decimals: Self.stepDecimals(step)).string(value)
    default: return ValueFormat(kind, decimals: Self.stepDecimals(step)).string(value)
    }
  }
}
