import Foundation

/// A value a template can read: the context of a render, built from query rows,
/// front matter or JSON.
///
/// Objects are looked up by key only, never iterated, so the order of their keys
/// cannot change the output.
public enum TemplateValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case list([TemplateValue])
  case object([String: TemplateValue])

  /// Wraps a Swift value: `Bool`, integers, `Double`/`Float`, `String`, arrays,
  /// `[String: Any]` dictionaries, `TemplateValue`, `nil`/`NSNull`; anything else
  /// becomes its `description`.
  public init(any value: Any?) {
    guard let value else {
      self = .null
      return
    }
    switch value {
    case let v as TemplateValue: self = v
    case let v as Bool: self = .bool(v)
    case let v as Int: self = .int(Int64(v))
    case let v as Int64: self = .int(v)
    case let v as Int32: self = .int(Int64(v))
    case let v as Double: self = .double(v)
    case let v as Float: self = .double(Double(v))
    case let v as String: self = .string(v)
    case let v as Substring: self = .string(String(v))
    case let v as [Any?]: self = .list(v.map { TemplateValue(any: $0) })
    case let v as [String: Any?]: self = .object(v.mapValues { TemplateValue(any: $0) })
    case is NSNull: self = .null
    default: self = .string(String(describing: value))
    }
  }

  /// Parses JSON text (used by the Mustache spec tests and by front matter in JSON form).
  public init(json: String) throws {
    self = try JSONDecoder().decode(TemplateValue.self, from: Data(json.utf8))
  }

  /// Mustache truthiness: `null`, `false`, an empty list and an empty string are
  /// falsey; every number (including 0) and every object is truthy.
  public var isTruthy: Bool {
    switch self {
    case .null: return false
    case .bool(let b): return b
    case .list(let items): return !items.isEmpty
    case .string(let s): return !s.isEmpty
    case .int, .double, .object: return true
    }
  }

  /// The value of `key` when this is an object.
  public subscript(key: String) -> TemplateValue? {
    if case .object(let fields) = self { return fields[key] }
    return nil
  }

  /// The text an unfiltered `{{name}}` prints (before HTML escaping): integers
  /// without `.0`, doubles without float noise, `null` and containers as nothing.
  public var text: String {
    switch self {
    case .null, .list, .object: return ""
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return Self.clean(d)
    case .string(let s): return s
    }
  }

  /// `85.0` → `85`, `0.1 + 0.2` → `0.3`, `1.21` → `1.21`: 15 significant digits
  /// (all a double holds reliably), then the shortest text that reads back the same.
  static func clean(_ d: Double) -> String {
    guard d.isFinite else { return d.isNaN ? "NaN" : (d < 0 ? "-inf" : "inf") }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    // Shortest round-trip text is already clean unless it shows float noise.
    let plain = d.description
    if plain.utf8.count < 15 { return plain }
    let rounded = Double(String(format: "%.15g", d)) ?? d
    return rounded.description
  }
}

extension TemplateValue: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? c.decode(Int64.self) {
      self = .int(i)
    } else if let d = try? c.decode(Double.self) {
      self = .double(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let l = try? c.decode([TemplateValue].self) {
      self = .list(l)
    } else {
      self = .object(try c.decode([String: TemplateValue].self))
    }
  }
}

extension TemplateValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, TemplateValue)...) {
    // Later duplicates win, as in a JSON object.
    self = .object(Dictionary(elements, uniquingKeysWith: { _, new in new }))
  }
}
