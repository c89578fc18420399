import Foundation

/// A step after `|` in a value tag: `{{ value | pct:1 }}`, `{{ name | default:n/a | upper }}`.
enum TemplateFilter: Sendable, Equatable {
  /// Any `ValueFormat` kind: `pct:1`, `usd`, `ms`, `num:2`, `si`, `int`, `delta:1`,
  /// `deltapp:1`, `date`, `month`, `text`.
  case format(ValueFormat)
  /// Replaces a missing, null or empty value with the text after the colon.
  case fallback(String)
  case upper, lower, slug

  static let otherNames = ["default", "lower", "slug", "upper"]

  /// Every filter name, sorted, for error messages.
  static var knownNames: [String] { (ValueFormat.kindNames + otherNames).sorted() }

  /// Parses one filter; the error text says what is wrong and what would be right.
  static func parse(_ spec: String) -> Result<TemplateFilter, FilterError> {
    let colon = spec.utf8.firstIndex(of: UInt8(ascii: ":"))
    let name = String(trimmed(spec[..<(colon ?? spec.endIndex)]))
    let argument = colon.map { String(trimmed(spec[spec.index(after: $0)...])) }
    let written = String(trimmed(Substring(spec)))
    switch name {
    case "default":
      guard let argument else {
        return .failure(
          FilterError("filter 'default' needs a text: write default:TEXT, e.g. default:n/a"))
      }
      return .success(.fallback(argument))
    case "upper", "lower", "slug":
      if argument != nil {
        return .failure(FilterError("filter '\(name)' takes no argument; write | \(name)"))
      }
      return .success(name == "upper" ? .upper : name == "lower" ? .lower : .slug)
    default:
      guard let kind = ValueFormat.Kind(rawValue: name) else {
        return .failure(
          FilterError("unknown filter '\(written)'; known: \(knownNames.joined(separator: ", "))"))
      }
      // Built directly rather than with ValueFormat(spec:): this runs for every tag.
      var decimals: Int?
      if let argument {
        guard let d = Int(argument), (0...10).contains(d) else {
          return .failure(
            FilterError(
              "filter '\(written)' has a bad number of decimals; write \(kind.rawValue) or \(kind.rawValue):1 (0 to 10)"
            ))
        }
        decimals = d
      }
      return .success(.format(ValueFormat(kind, decimals: decimals)))
    }
  }

  /// `s` without leading and trailing ASCII whitespace (Foundation's trimming is
  /// slow on Linux, and this runs for every tag).
  static func trimmed(_ s: Substring) -> Substring {
    let bytes = s.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, isBlank(bytes[start]) { start = bytes.index(after: start) }
    while end > start, isBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
    return s[start..<end]
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Applies this filter; `formatted` records that a number format ran, so that a
  /// null left at the end prints the formatter's dash.
  func apply(_ value: TemplateValue, formatted: inout Bool) -> TemplateValue {
    switch self {
    case .format(let format):
      formatted = true
      switch value {
      case .null: return .null
      case .int(let i): return .string(format.string(Double(i)))
      case .double(let d): return .string(format.string(d))
      case .string(let s): return .string(format.string(text: s))
      case .bool, .list, .object: return .string(value.text)
      }
    case .fallback(let text):
      switch value {
      case .null: return .string(text)
      case .string(let s) where s.isEmpty: return .string(text)
      case .list(let items) where items.isEmpty: return .string(text)
      default: return value
      }
    case .upper: return value == .null ? .null : .string(value.text.uppercased())
    case .lower: return value == .null ? .null : .string(value.text.lowercased())
    case .slug: return value == .null ? .null : .string(Self.slug(value.text))
    }
  }

  /// The same slug as generated page paths and heading ids (`slug(_:)`), so a
  /// template can link to an `each:` page: `{{agency_name | slug}}.html`.
  static func slug(_ text: String) -> String {
    FolioKit.slug(text, fallback: "")
  }
}

/// Why a filter could not be parsed.
struct FilterError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
