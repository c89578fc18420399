/// The subset of CSS the email inliner understands: rules whose selectors are
/// `tag`, `.class`, `tag.class`, `#id`, descendant (`.a .b`) and child (`.a > .b`)
/// chains, in comma lists. At-rule blocks (`@media`, `@font-face`, …) are skipped
/// whole; a selector with pseudo-classes or attribute tests is dropped, because a
/// mail client could not honour it from a `style` attribute anyway.
public struct CSSStylesheet: Sendable {
  /// One compound selector step: `tag.class.other#id`.
  struct Compound: Sendable, Equatable {
    var tag: String?
    var classes: [String]
    var id: String?

    func matches(_ e: HTMLElement) -> Bool {
      if let tag, tag != e.name { return false }
      if let id, e.attribute("id") != id { return false }
      let have = e.classes
      return classes.allSatisfy { have.contains($0) }
    }
  }

  /// A complex selector: compounds joined by descendant (`false`) or child (`true`) combinators.
  struct Selector: Sendable, Equatable {
    var steps: [Compound]
    /// `childOf[k]` is true when step k+1 must be a direct child of step k.
    var childOf: [Bool]

    /// (ids, classes, tags), compared lexicographically.
    var specificity: [Int] {
      [
        steps.filter { $0.id != nil }.count, steps.reduce(0) { $0 + $1.classes.count },
        steps.filter { $0.tag != nil }.count,
      ]
    }

    /// Matches the element whose ancestors (outermost first) are given.
    func matches(_ element: HTMLElement, ancestors: [HTMLElement]) -> Bool {
      guard let last = steps.last, last.matches(element) else { return false }
      return matchUp(
        step: steps.count - 2, ancestors: ancestors[...], mustBeParent: childOf.last ?? false)
    }

    private func matchUp(step: Int, ancestors: ArraySlice<HTMLElement>, mustBeParent: Bool) -> Bool
    {
      guard step >= 0 else { return true }
      var candidates = ancestors
      while let parent = candidates.last {
        candidates = candidates.dropLast()
        if steps[step].matches(parent) {
          let nextChild = step > 0 ? childOf[step - 1] : false
          if matchUp(step: step - 1, ancestors: candidates, mustBeParent: nextChild) { return true }
        }
        if mustBeParent { return false }
      }
      return false
    }
  }

  struct Declaration: Sendable, Equatable {
    var property: String
    var value: String
    var important: Bool
  }

  struct Rule: Sendable {
    var selector: Selector
    var declarations: [Declaration]
    var order: Int
  }

  var rules: [Rule] = []

  /// Parses a stylesheet; unknown constructs are skipped, never fatal.
  public init(_ css: String) {
    let text = Self.stripComments(css)
    var chars = Substring(text)
    var order = 0
    while true {
      chars = chars.drop(while: { $0.isWhitespace })
      guard !chars.isEmpty else { break }
      if chars.first == "@" {
        // Statement at-rules end at `;`, block at-rules at their balanced `}`.
        let semi = chars.firstIndex(of: ";")
        let brace = chars.firstIndex(of: "{")
        if let semi, brace == nil || semi < brace! {
          chars = chars[chars.index(after: semi)...]
        } else if let brace {
          chars = Self.skipBlock(chars[brace...])
        } else {
          break
        }
        continue
      }
      guard let open = chars.firstIndex(of: "{") else { break }
      let prelude = chars[..<open]
      guard let close = chars[open...].firstIndex(of: "}") else { break }
      let body = chars[chars.index(after: open)..<close]
      chars = chars[chars.index(after: close)...]
      let declarations = Self.declarations(String(body))
      for part in prelude.split(separator: ",") {
        guard let selector = Self.selector(String(part)) else { continue }
        rules.append(Rule(selector: selector, declarations: declarations, order: order))
        order += 1
      }
    }
  }

  static func stripComments(_ css: String) -> String {
    var out = ""
    var rest = Substring(css)
    while let start = rest.range(of: "/*") {
      out += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].range(of: "*/") else { return out }
      rest = rest[end.upperBound...]
    }
    return out + rest
  }

  /// Skips a `{…}` block with nested braces; `text` starts at `{`.
  static func skipBlock(_ text: Substring) -> Substring {
    var depth = 0
    var i = text.startIndex
    while i < text.endIndex {
      if text[i] == "{" { depth += 1 }
      if text[i] == "}" {
        depth -= 1
        if depth == 0 { return text[text.index(after: i)...] }
      }
      i = text.index(after: i)
    }
    return text[text.endIndex...]
  }

  /// `color: red; margin: 0 !important` → declarations in source order.
  static func declarations(_ body: String) -> [Declaration] {
    body.split(separator: ";").compactMap { part in
      guard let colon = part.firstIndex(of: ":") else { return nil }
      let property = part[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
      var value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
      var important = false
      if value.lowercased().hasSuffix("!important") {
        important = true
        value = String(value.dropLast("!important".count)).trimmingCharacters(in: .whitespaces)
      }
      guard !property.isEmpty, !value.isEmpty else { return nil }
      return Declaration(property: property, value: value, important: important)
    }
  }

  /// Parses one selector of the supported subset, or nil.
  static func selector(_ text: String) -> Selector? {
    let spaced = text.replacingOccurrences(of: ">", with: " > ")
    var steps: [Compound] = []
    var childOf: [Bool] = []
    var pendingChild = false
    for token in spaced.split(whereSeparator: { $0.isWhitespace }) {
      if token == ">" {
        guard !steps.isEmpty, !pendingChild else { return nil }
        pendingChild = true
        continue
      }
      guard let compound = Self.compound(String(token)) else { return nil }
      if !steps.isEmpty { childOf.append(pendingChild) }
      pendingChild = false
      steps.append(compound)
    }
    guard !steps.isEmpty, !pendingChild else { return nil }
    return Selector(steps: steps, childOf: childOf)
  }

  static func compound(_ token: String) -> Compound? {
    var compound = Compound(tag: nil, classes: [], id: nil)
    var current = ""
    var kind: Character = "t"
    func flush() -> Bool {
      switch kind {
      case "t":
        if !current.isEmpty && current != "*" { compound.tag = current.lowercased() }
      case ".":
        guard !current.isEmpty else { return false }
        compound.classes.append(current)
      default:
        guard !current.isEmpty else { return false }
        compound.id = current
      }
      current = ""
      return true
    }
    for ch in token {
      if ch == "." || ch == "#" {
        guard flush() else { return nil }
        kind = ch
      } else if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" || (ch == "*" && kind == "t") {
        current.append(ch)
      } else {
        return nil  // `:hover`, `[attr]`, `+`, `~`: not expressible inline
      }
    }
    guard flush() else { return nil }
    return compound
  }
}
