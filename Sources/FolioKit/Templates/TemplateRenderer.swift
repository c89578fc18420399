/// One render in progress: the output so far, the context stack and the
/// indentation of the partial being expanded. Lives on one thread for one call.
struct TemplateRenderer {
  /// A block's replacement content and the template it was written in.
  struct Override {
    var block: TemplateBlock
    var source: TemplateSource
  }
  typealias Overrides = [String: Override]

  var out = ""
  var stack: [TemplateValue]
  let resolver: (any PartialResolver)?
  let options: RenderOptions
  var missing: [TemplateMiss] = []
  private var seen: Set<String> = []
  /// Written at the start of every template line inside an indented partial.
  private var indent = ""
  /// True at the start of such a line, before anything was written on it.
  private var pending = false
  private var depth = 0

  init(context: TemplateValue, resolver: (any PartialResolver)?, options: RenderOptions) {
    self.stack = [context]
    self.resolver = resolver
    self.options = options
    out.reserveCapacity(4096)
  }

  mutating func render(_ nodes: [TemplateNode], source: TemplateSource, blocks: Overrides)
    throws(FolioError)
  {
    for node in nodes {
      switch node {
      case .text(let text):
        write(text)
      case .variable(let name, let filters, let escaped, let at):
        flushIndent()
        let found = lookup(name)
        if found == nil, options.collectMissing,
          !filters.contains(where: { if case .fallback = $0 { return true } else { return false } })
        {
          miss(name, at: at, source: source)
        }
        var value = found ?? .null
        var formatted = false
        for filter in filters { value = filter.apply(value, formatted: &formatted) }
        let text = value == .null && formatted ? ValueFormat.missing : value.text
        if !escaped {
          out += text
        } else if options.escaping == .markdown {
          Self.appendMarkdownEscaped(text, to: &out)
        } else {
          Self.appendEscaped(text, to: &out)
        }
      case .section(let name, let children, let inverted, let at):
        let found = lookup(name)
        if found == nil, options.collectMissing { miss(name, at: at, source: source) }
        let value = found ?? .null
        if inverted {
          if !value.isTruthy { try render(children, source: source, blocks: blocks) }
        } else if value.isTruthy {
          if case .list(let items) = value {
            for item in items {
              stack.append(item)
              try render(children, source: source, blocks: blocks)
              stack.removeLast()
            }
          } else {
            stack.append(value)
            try render(children, source: source, blocks: blocks)
            stack.removeLast()
          }
        }
      case .partial(let name, let extra, let at):
        try include(
          name, kind: .partial, extraIndent: extra, at: at, source: source, blocks: blocks)
      case .parent(let name, let own, let extra, let at):
        // The outermost template wins: blocks given from further out are kept.
        var merged = blocks
        for (key, block) in own where merged[key] == nil {
          merged[key] = Override(block: block, source: source)
        }
        try include(name, kind: .parent, extraIndent: extra, at: at, source: source, blocks: merged)
      case .block(let block):
        if let override = blocks[block.name] {
          let saved = indent
          if !block.indent.isEmpty {
            // A standalone block: its line was consumed, so the content starts a line.
            indent += block.indent
            pending = true
          }
          try render(override.block.nodes, source: override.source, blocks: blocks)
          indent = saved
        } else {
          try render(block.nodes, source: source, blocks: blocks)
        }
      }
    }
  }

  // MARK: - Partials

  private mutating func include(
    _ name: String, kind: PartialKind, extraIndent: String, at: Int, source: TemplateSource,
    blocks: Overrides
  ) throws(FolioError) {
    guard depth < options.maxDepth else {
      throw source.error(
        "\(kind.rawValue) '\(name)' is nested more than \(options.maxDepth) levels deep; a template probably includes itself without a section that ends the recursion",
        at: at)
    }
    let template: Template?
    do {
      template = try resolver?.template(named: name, kind: kind)
    } catch let error as FolioError {
      throw located(error, at: at, source: source)
    } catch {
      throw source.error("\(kind.rawValue) '\(name)': \(error)", at: at)
    }
    guard let template else {
      if options.missingPartialIsError {
        let known = resolver?.knownNames(kind: kind) ?? []
        let hint = known.isEmpty ? "" : "; known: \(known.joined(separator: ", "))"
        throw source.error("unknown \(kind.rawValue) '\(name)'\(hint)", at: at)
      }
      return
    }
    let saved = indent
    if !extraIndent.isEmpty {
      // A standalone tag: its whitespace starts every line of the included template.
      indent += extraIndent
      pending = true
    }
    depth += 1
    try render(template.nodes, source: template.source, blocks: blocks)
    depth -= 1
    indent = saved
  }

  /// Gives a resolver's error (bad name, unreadable file) the tag's location
  /// when it has none of its own.
  private func located(_ error: FolioError, at: Int, source: TemplateSource) -> FolioError {
    guard error.path == nil else { return error }
    var result = source.error(error.message, at: at)
    result.stage = error.stage
    return result
  }

  // MARK: - Names

  /// Finds the first part of a dotted name on the context stack (innermost
  /// first), then the other parts inside it only, as the spec asks.
  func lookup(_ name: TemplateName) -> TemplateValue? {
    guard let first = name.parts.first else { return stack.last }
    var found: TemplateValue?
    for frame in stack.reversed() {
      if case .object(let fields) = frame, let value = fields[first] {
        found = value
        break
      }
    }
    guard var value = found else { return nil }
    for part in name.parts.dropFirst() {
      switch value {
      case .object(let fields):
        guard let next = fields[part] else { return nil }
        value = next
      case .list(let items):
        // `rows.0.name`: a list item by position, for "the top row" sentences.
        guard let index = Int(part), items.indices.contains(index) else { return nil }
        value = items[index]
      default:
        return nil
      }
    }
    return value
  }

  private mutating func miss(_ name: TemplateName, at: Int, source: TemplateSource) {
    let key = "\(source.path)\u{0}\(at)"
    guard seen.insert(key).inserted else { return }
    let place = source.location(of: at)
    missing.append(
      TemplateMiss(
        name: name.description, path: source.path, line: place.line, column: place.column,
        suggestion: suggestion(for: name), excerpt: place.excerpt))
  }

  /// The existing name closest to a missing one, when it is close enough to be a typo.
  private func suggestion(for name: TemplateName) -> String? {
    guard let first = name.parts.first else { return nil }
    var known: Set<String> = []
    var prefix: [String] = []
    var missingPart = first
    if var value = lookup(TemplateName(first)) {
      // The chain breaks further on: offer the keys where it broke.
      prefix = [first]
      for part in name.parts.dropFirst() {
        guard case .object(let fields) = value else { return nil }
        guard let next = fields[part] else {
          known = Set(fields.keys)
          missingPart = part
          break
        }
        prefix.append(part)
        value = next
      }
    } else {
      for case .object(let fields) in stack { known.formUnion(fields.keys) }
    }
    let limit = max(2, missingPart.count / 3)
    let best = known.map { ($0, Self.distance($0, missingPart)) }
      .filter { $0.1 <= limit }
      .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    guard let best else { return nil }
    return (prefix + [best.0]).joined(separator: ".")
  }

  /// Levenshtein distance, for typo hints only.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }

  // MARK: - Output

  private mutating func flushIndent() {
    if pending {
      out += indent
      pending = false
    }
  }

  /// Writes template text, indenting each new line inside an indented partial.
  private mutating func write(_ text: String) {
    guard !indent.isEmpty else {
      out += text
      return
    }
    var rest = Substring(text)
    while !rest.isEmpty {
      if pending { out += indent }
      if let newline = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) {
        let next = rest.utf8.index(after: newline)
        out += rest[..<next]
        rest = rest[next...]
        pending = true
      } else {
        out += rest
        rest = ""
        pending = false
      }
    }
  }

  /// Appends `text` escaped for HTML and with Markdown syntax characters as entities.
  static func appendMarkdownEscaped(_ text: String, to out: inout String) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "!":
        out += "&#\(scalar.value);"
      default: out.unicodeScalars.append(scalar)
      }
    }
  }

  /// Appends `text` with `& < > " '` escaped for HTML text and attributes.
  static func appendEscaped(_ text: String, to out: inout String) {
    let needs = text.utf8.contains { byte in
      byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
    guard needs else {
      out += text
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
  }
}
