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
    let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    let name = parts[0].trimmingCharacters(in: .whitespaces)
    let argument = parts.count > 1 ? String(parts[1]) : nil
    switch name {
    case "default":
      guard let argument else {
        return .failure(FilterError("filter 'default' needs a text: write default:TEXT, e.g. default:n/a"))
      }
      return .success(.fallback(argument.trimmingCharacters(in: .whitespaces)))
    case "upper", "lower", "slug":
      if argument != nil {
        return .failure(FilterError("filter '\(name)' takes no argument; write | \(name)"))
      }
      return .success(name == "upper" ? .upper : name == "lower" ? .lower : .slug)
    default:
      guard let kind = ValueFormat.Kind(rawValue: name) else {
        return .failure(
          FilterError("unknown filter '\(spec.trimmingCharacters(in: .whitespaces))'; known: \(knownNames.joined(separator: ", "))"))
      }
      guard let format = ValueFormat(spec: spec) else {
        return .failure(
          FilterError("filter '\(spec.trimmingCharacters(in: .whitespaces))' has a bad number of decimals; write \(kind.rawValue) or \(kind.rawValue):1 (0 to 10)"))
      }
      return .success(.format(format))
    }
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

  /// `São Paulo / Region 2` → `sao-paulo-region-2`: ASCII letters and digits joined by `-`.
  static func slug(_ text: String) -> String {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var out = ""
    var dash = false
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
        if dash && !out.isEmpty { out.append("-") }
        out.unicodeScalars.append(scalar)
        dash = false
      } else {
        dash = true
      }
    }
    return out.lowercased()
  }
}

/// Why a filter could not be parsed.
struct FilterError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
