/// Reading chart options from directive text (`chart line ... format=pct:1 target=98`), so
/// the pages layer maps `key=value` pairs without knowing each option's type.
extension ChartOptions {
  /// The keys `set(_:_:)` accepts, for error messages.
  public static let directiveKeys = [
    "title", "summary", "xlabel", "ylabel", "format", "xformat", "width", "height", "target",
    "target-label", "band", "ref-x", "ref-y", "quadrants", "mode", "orientation", "sort",
    "labels", "log", "zero", "ymin", "ymax", "label-extremes",
  ]

  /// Sets one option from text; returns a message a user can act on when the key or value
  /// is invalid, nil when it was applied. Bands read `from..to[:label]`, reference lines
  /// `value[:label]`, quadrants `a|b|c|d`.
  public mutating func set(_ key: String, _ value: String) -> String? {
    func number() -> Double? { Double(value.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil } }
    func bool() -> Bool? {
      switch value.lowercased() {
      case "true", "yes", "on", "1", "": return true
      case "false", "no", "off", "0": return false
      default: return nil
      }
    }
    func split(_ text: String) -> (String, String) {
      guard let i = text.firstIndex(of: ":") else { return (text, "") }
      return (String(text[..<i]), String(text[text.index(after: i)...]))
    }
    let bad = "invalid value '\(value)' for chart option '\(key)'"
    switch key.lowercased() {
    case "title": title = value
    case "summary", "desc": summary = value
    case "xlabel": xLabel = value
    case "ylabel": yLabel = value
    case "format", "xformat":
      guard let f = ValueFormat(spec: value) else {
        return "unknown format '\(value)' (use one of \(ValueFormat.kindNames.joined(separator: ", ")))"
      }
      if key.lowercased() == "format" { format = f } else { xFormat = f }
    case "width", "height":
      guard let n = number(), n >= 40, n <= 4000 else { return bad + " (a number from 40 to 4000)" }
      if key.lowercased() == "width" { width = n } else { height = n }
    case "target":
      guard let n = number() else { return bad + " (a number)" }
      target = Target(n, label: target?.label ?? "Target")
    case "target-label":
      target = Target(target?.value ?? 0, label: value)
      if target?.value == 0 && value.isEmpty { target = nil }
    case "band":
      let (range, label) = split(value)
      let parts = range.components(separatedBy: "..")
      guard parts.count == 2, ChartDate(iso: parts[0]) != nil, ChartDate(iso: parts[1]) != nil else {
        return bad + " (write from..to with ISO dates, e.g. 2025-11..2026-01:Peak)"
      }
      bands.append(Band(from: parts[0], to: parts[1], label: label))
    case "ref-x", "ref-y":
      let (v, label) = split(value)
      guard let n = Double(v), n.isFinite else { return bad + " (write value[:label])" }
      references.append(Reference(key.lowercased() == "ref-x" ? .x : .y, n, label: label))
    case "quadrants": quadrants = value.components(separatedBy: "|")
    case "mode":
      guard let m = BarMode(rawValue: value.lowercased()) else { return bad + " (grouped or stacked)" }
      barMode = m
    case "orientation":
      guard let o = Orientation(rawValue: value.lowercased()) else { return bad + " (vertical, horizontal or auto)" }
      orientation = o
    case "sort":
      switch value.lowercased() {
      case "asc", "ascending": sort = .ascending
      case "desc", "descending": sort = .descending
      case "none", "": sort = .none
      default: return bad + " (asc, desc or none)"
      }
    case "labels", "log", "zero":
      guard let b = bool() else { return bad + " (true or false)" }
      switch key.lowercased() {
      case "labels": valueLabels = b
      case "log": logY = b
      default: zeroY = b
      }
    case "ymin", "ymax":
      guard let n = number() else { return bad + " (a number)" }
      let lo = key.lowercased() == "ymin" ? n : (yDomain?.lowerBound ?? min(0, n - 1))
      let hi = key.lowercased() == "ymax" ? n : (yDomain?.upperBound ?? max(n + 1, n * 2))
      guard lo < hi else { return "chart option ymin must be below ymax" }
      yDomain = lo...hi
    case "label-extremes":
      guard let n = Int(value), (0...50).contains(n) else { return bad + " (0 to 50)" }
      labelExtremes = n
    default:
      return "unknown chart option '\(key)' (use one of \(Self.directiveKeys.joined(separator: ", ")))"
    }
    return nil
  }
}
