/// A typed front matter value: a scalar or an inline list of scalars.
public enum FrontMatterValue: Sendable, Equatable, CustomStringConvertible {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case list([FrontMatterValue])

  /// The value as text: strings as they are, numbers and booleans as written, lists comma-joined.
  public var text: String {
    switch self {
    case .string(let value): return value
    case .int(let value): return String(value)
    case .double(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .list(let items): return items.map(\.text).joined(separator: ", ")
    }
  }

  public var description: String { text }

  /// The string of a `.string`, nil otherwise.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The integer of an `.int`, nil otherwise.
  public var intValue: Int? {
    if case .int(let value) = self { return value }
    return nil
  }

  /// The number of an `.int` or `.double`, nil otherwise.
  public var doubleValue: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  /// The flag of a `.bool`, nil otherwise.
  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The items of a `.list`; a scalar counts as a list of one.
  public var listValue: [FrontMatterValue] {
    if case .list(let items) = self { return items }
    return [self]
  }

  /// Types an unquoted scalar: `true`/`false`, integers, decimals, else the text itself.
  static func typed(plain text: String) -> FrontMatterValue {
    switch text {
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default: break
    }
    if let value = Int(text) { return .int(value) }
    if isDecimal(text), let value = Double(text) { return .double(value) }
    return .string(text)
  }

  /// `-1.5`, `2.`, `.5`, `1e3`: what YAML calls a float, without `inf`/`nan`/hex.
  private static func isDecimal(_ text: String) -> Bool {
    var sawDigit = false
    var sawDot = false
    var sawExponent = false
    var previous: Character = " "
    for (offset, character) in text.enumerated() {
      switch character {
      case "0"..."9": sawDigit = true
      case "+", "-":
        guard offset == 0 || previous == "e" || previous == "E" else { return false }
      case ".":
        guard !sawDot, !sawExponent else { return false }
        sawDot = true
      case "e", "E":
        guard sawDigit, !sawExponent else { return false }
        sawExponent = true
      default: return false
      }
      previous = character
    }
    return sawDigit && (sawDot || sawExponent)
  }
}
