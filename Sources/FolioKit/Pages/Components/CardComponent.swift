import Foundation

/// ```card data=kpi value=stability label="Stability score" format=num:1 compare=prev compare-label="vs last month" target=85 down-is-good```
///
/// One headline figure: value, change against a comparison value (coloured by
/// whether the change is good), and distance to a target.
enum CardComponent {
  static let options = [
    "data", "value", "label", "format", "compare", "compare-label", "target", "target-label",
    "down-is-good", "spark", "note", "row",
  ]

  static func render(_ input: ComponentInput, chartBridge: ChartBridge = ChartBridge()) throws -> String {
    let (_, result) = try input.data()
    guard let valueColumn = input.option("value") else {
      throw input.error("`card` needs value=COLUMN")
    }
    let valueIndex = try input.column(valueColumn, in: result, option: "value")
    let rowIndex = Int(try input.number("row") ?? 0)
    let row = rowIndex < result.rows.count ? result.rows[rowIndex] : nil
    let format = try input.format("format") ?? ValueFormat.guess(column: valueColumn, sample: row?[valueIndex])
    let label = input.option("label") ?? humanize(valueColumn)
    let downIsGood = input.flag("down-is-good")
    let value = row?[valueIndex].double

    var html = ""
    if let compare = input.option("compare") {
      let compareIndex = try input.column(compare, in: result, option: "compare")
      let previous = row?[compareIndex].double
      let compareLabel = input.option("compare-label") ?? "vs previous"
      html += delta(value, previous, format: format, downIsGood: downIsGood, label: compareLabel, className: "card-delta")
    }
    if let targetText = input.option("target") {
      var target = Double(targetText)
      if target == nil {
        let targetIndex = try input.column(targetText, in: result, option: "target")
        target = row?[targetIndex].double
      }
      let targetLabel = input.option("target-label") ?? "target"
      html += targetLine(value, target, format: format, downIsGood: downIsGood, label: targetLabel)
    }
    if let spark = input.option("spark") {
      let sparkIndex = try input.column(spark, in: result, option: "spark")
      let values = result.rows.map { $0[sparkIndex].double }
      html += "<div class=\"card-spark\">\(chartBridge.sparkline(values))</div>"
    }
    if let note = input.option("note") { html += "<div class=\"card-note\">\(esc(note))</div>" }
    try input.finish(known: options)
    return """
      <div class="card"><div class="card-label">\(esc(label))</div>\
      <div class="card-value">\(esc(format.string(value)))</div>\(html)</div>

      """
  }

  /// `▲ +1.2 vs last month`, classed good or bad by direction.
  static func delta(
    _ value: Double?, _ other: Double?, format: ValueFormat, downIsGood: Bool, label: String, className: String
  ) -> String {
    guard let value, let other else {
      return "<div class=\"\(className) neutral\">no comparison \(esc(label))</div>"
    }
    let change = value - other
    let (text, rounded) = changeText(change, format: format)
    let arrow = rounded > 0 ? "▲" : rounded < 0 ? "▼" : "■"
    let mood = rounded == 0 ? "neutral" : ((rounded < 0) == downIsGood ? "good" : "bad")
    return "<div class=\"\(className) \(mood)\"><span aria-hidden=\"true\">\(arrow)</span> \(esc(text)) \(esc(label))</div>"
  }

  /// The change as the card shows it, and rounded as shown (for its direction): points for
  /// percentages (`-1.2 pp`), the value's own unit for money, milliseconds and counts
  /// (`-$558`, `+13 ms`, `+4`), else a signed number with the format's decimals.
  static func changeText(_ change: Double, format: ValueFormat) -> (String, Double) {
    switch format.kind {
    case .pct:
      let decimals = format.decimals ?? 1
      return (ValueFormat(.deltapp, decimals: decimals).string(change), ValueFormat.rounded(change, decimals))
    case .usd, .ms, .int:
      let decimals = format.kind == .int ? 0 : format.decimals ?? 0
      let rounded = ValueFormat.rounded(change, decimals)
      let sign = rounded > 0 ? "+" : rounded < 0 ? "-" : "±"
      return (sign + format.string(abs(change)), rounded)
    default:
      let decimals = format.decimals ?? 1
      return (ValueFormat(.delta, decimals: decimals).string(change), ValueFormat.rounded(change, decimals))
    }
  }

  static func targetLine(_ value: Double?, _ target: Double?, format: ValueFormat, downIsGood: Bool, label: String) -> String {
    guard let target else { return "" }
    let targetText = format.string(target)
    guard let value else { return "<div class=\"card-target\">\(esc(label)) \(esc(targetText))</div>" }
    let met = downIsGood ? value <= target : value >= target
    return "<div class=\"card-target \(met ? "good" : "bad")\">\(met ? "✓ meets" : "✗ misses") \(esc(label)) \(esc(targetText))</div>"
  }
}
