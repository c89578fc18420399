/// Turns template text into tokens: scans UTF-8 bytes for the current
/// delimiters, splits text at line ends and drops the whitespace around
/// standalone tags, as the Mustache spec asks.
struct TemplateParser {
  enum Kind: Equatable {
    case text
    case variable(escaped: Bool)
    case section, inverted, close, comment, partial, parent, block, delimiters
  }

  struct Token {
    var kind: Kind
    /// Byte range of the whole token (tag including delimiters).
    var start: Int
    var end: Int
    /// The tag's name (for variables: the text before the first `|`).
    var name = ""
    var filters: [TemplateFilter] = []
    /// Whitespace before a standalone tag, for partials, parents and blocks.
    var indent = ""
    /// Standalone whitespace or line end dropped from the output.
    var removed = false
    /// For a removed standalone line: where the line ends (for block indentation).
    var standalone = false
    /// The delimiters in force, to write the right closing tag in messages.
    var open = "{{"
    var close = "}}"
  }

  let bytes: [UInt8]
  let source: TemplateSource
  var open: [UInt8] = Array("{{".utf8)
  var close: [UInt8] = Array("}}".utf8)
  var tokens: [Token] = []
  /// Filters already parsed in this template, by their text (pages repeat them).
  var filterCache: [String: TemplateFilter] = [:]

  init(_ source: TemplateSource) {
    self.source = source
    self.bytes = Array(source.text.utf8)
  }

  // MARK: - Scanning

  mutating func tokenize() throws(FolioError) {
    let n = bytes.count
    var i = 0
    while i < n {
      guard let tagStart = find(open, from: i) else {
        addText(i, n)
        break
      }
      addText(i, tagStart)
      var j = tagStart + open.count
      let triple = j < n && bytes[j] == UInt8(ascii: "{")
      if triple { j += 1 }
      let first = skipSpaces(j)
      let isDelimiters = !triple && first < n && bytes[first] == UInt8(ascii: "=")
      let closer =
        triple ? [UInt8(ascii: "}")] + close : isDelimiters ? [UInt8(ascii: "=")] + close : close
      let searchFrom = isDelimiters ? first + 1 : j
      guard let closeStart = find(closer, from: searchFrom) else {
        let opener = String(decoding: bytes[tagStart..<j], as: UTF8.self)
        let wanted = String(decoding: closer, as: UTF8.self)
        throw source.error("unclosed tag: '\(opener)' has no matching '\(wanted)'", at: tagStart)
      }
      let end = closeStart + closer.count
      var token = Token(kind: .comment, start: tagStart, end: end)
      token.open = String(decoding: open, as: UTF8.self)
      token.close = String(decoding: close, as: UTF8.self)
      if isDelimiters {
        token.kind = .delimiters
        let raw = String(decoding: bytes[searchFrom..<closeStart], as: UTF8.self)
        try setDelimiters(raw, at: tagStart, tag: tagText(tagStart, end))
      } else if triple {
        token.kind = .variable(escaped: false)
        try name(searchFrom, closeStart, into: &token, allowFilters: true)
      } else {
        try classify(searchFrom, closeStart, into: &token)
      }
      tokens.append(token)
      i = end
    }
  }

  private mutating func classify(_ from: Int, _ to: Int, into token: inout Token) throws(FolioError)
  {
    let start = skipBlanks(from, to)
    guard start < to else {
      throw source.error(
        "empty tag '\(tagText(token.start, token.end))': write a name, e.g. \(token.open)title\(token.close)",
        at: token.start)
    }
    switch bytes[start] {
    case UInt8(ascii: "!"):
      token.kind = .comment
      return
    case UInt8(ascii: "#"): token.kind = .section
    case UInt8(ascii: "^"): token.kind = .inverted
    case UInt8(ascii: "/"): token.kind = .close
    case UInt8(ascii: ">"): token.kind = .partial
    case UInt8(ascii: "<"): token.kind = .parent
    case UInt8(ascii: "$"): token.kind = .block
    case UInt8(ascii: "&"): token.kind = .variable(escaped: false)
    default:
      token.kind = .variable(escaped: true)
      try name(start, to, into: &token, allowFilters: true)
      return
    }
    try name(start + 1, to, into: &token, allowFilters: token.kind == .variable(escaped: false))
  }

  private func skipBlanks(_ from: Int, _ to: Int) -> Int {
    var i = from
    while i < to, Self.isSpace(bytes[i]) { i += 1 }
    return i
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r")
  }

  /// Reads a tag's name and filters; the common plain forms are taken straight
  /// from the bytes, anything unusual goes the slow way, which explains errors.
  private mutating func name(_ from: Int, _ to: Int, into token: inout Token, allowFilters: Bool)
    throws(FolioError)
  {
    var start = skipBlanks(from, to)
    var end = to
    while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
    let bar = bytes[start..<end].firstIndex(of: UInt8(ascii: "|"))
    var nameEnd = bar ?? end
    while nameEnd > start, Self.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
    guard isPlainName(start, nameEnd), bar == nil || allowFilters else {
      return try name(
        String(decoding: bytes[start..<end], as: UTF8.self), into: &token,
        allowFilters: allowFilters)
    }
    token.name = String(decoding: bytes[start..<nameEnd], as: UTF8.self)
    guard var next = bar else { return }
    while next < end {
      start = next + 1
      let pieceEnd = bytes[start..<end].firstIndex(of: UInt8(ascii: "|")) ?? end
      let spec = String(decoding: bytes[start..<pieceEnd], as: UTF8.self)
      if let known = filterCache[spec] {
        token.filters.append(known)
      } else {
        switch TemplateFilter.parse(spec) {
        case .success(let filter):
          filterCache[spec] = filter
          token.filters.append(filter)
        case .failure(let failure): throw source.error(failure.message, at: token.start)
        }
      }
      next = pieceEnd
    }
  }

  /// A non-empty name without blanks or empty dotted parts (or just `.`).
  private func isPlainName(_ start: Int, _ end: Int) -> Bool {
    guard start < end else { return false }
    if end - start == 1 && bytes[start] == UInt8(ascii: ".") { return true }
    var previousDot = true
    for i in start..<end {
      let byte = bytes[i]
      if Self.isSpace(byte) || byte == UInt8(ascii: "|") { return false }
      let dot = byte == UInt8(ascii: ".")
      if dot && previousDot { return false }
      previousDot = dot
    }
    return !previousDot
  }

  /// Reads `name | filter | filter` and checks each part.
  private func name(_ raw: String, into token: inout Token, allowFilters: Bool) throws(FolioError) {
    var pieces = raw.split(separator: "|", omittingEmptySubsequences: false).map {
      String(TemplateFilter.trimmed($0))
    }
    let name = pieces.removeFirst()
    var tag: String { tagText(token.start, token.end) }
    if name.isEmpty {
      throw source.error(
        "tag '\(tag)' has no name: write one, e.g. \(token.open)title\(token.close)",
        at: token.start)
    }
    if name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      throw source.error(
        "name '\(name)' in tag '\(tag)' contains a space; a name is one word or a dotted path like row.value",
        at: token.start)
    }
    let isPath: Bool
    switch token.kind {
    case .variable, .section, .inverted, .close: isPath = true
    default: isPath = false
    }
    if isPath, name != ".",
      name.split(separator: ".", omittingEmptySubsequences: false).contains(where: { $0.isEmpty })
    {
      throw source.error(
        "bad name '\(name)' in tag '\(tag)': write a dotted path like row.value, or . for the current item",
        at: token.start)
    }
    token.name = name
    guard !pieces.isEmpty else { return }
    guard allowFilters else {
      throw source.error(
        "filters are only allowed in value tags like \(token.open) value | pct:1 \(token.close), not in '\(tag)'",
        at: token.start)
    }
    for piece in pieces {
      switch TemplateFilter.parse(piece) {
      case .success(let filter): token.filters.append(filter)
      case .failure(let failure): throw source.error(failure.message, at: token.start)
      }
    }
  }

  private mutating func setDelimiters(_ raw: String, at offset: Int, tag: String) throws(FolioError)
  {
    let parts = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
      throw source.error(
        "bad delimiter change '\(tag)': write two delimiters separated by a space, e.g. {{=<% %>=}}",
        at: offset)
    }
    open = Array(parts[0].utf8)
    close = Array(parts[1].utf8)
  }

  /// Adds text, one token per line so that standalone lines can be found.
  private mutating func addText(_ from: Int, _ to: Int) {
    var start = from
    var i = from
    while i < to {
      if bytes[i] == UInt8(ascii: "\n") {
        tokens.append(Token(kind: .text, start: start, end: i + 1))
        start = i + 1
      }
      i += 1
    }
    if start < to { tokens.append(Token(kind: .text, start: start, end: to)) }
  }

  func tagText(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  private func skipSpaces(_ from: Int) -> Int {
    var i = from
    while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") {
      i += 1
    }
    return i
  }

  private func find(_ needle: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, needle.count <= bytes.count else { return nil }
    var i = from
    let last = bytes.count - needle.count
    while i <= last {
      if bytes[i] == first {
        var k = 1
        while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
        if k == needle.count { return i }
      }
      i += 1
    }
    return nil
  }

  // MARK: - Standalone lines

  /// A line holding only whitespace and one tag that prints nothing itself
  /// (section, comment, partial, delimiters, parent, block) vanishes with its
  /// line end; a partial or parent on it is indented by its whitespace.
  mutating func markStandalone() {
    var lineStart = 0
    for i in tokens.indices {
      let t = tokens[i]
      let endsLine = t.kind == .text && bytes[t.end - 1] == UInt8(ascii: "\n")
      if endsLine || i == tokens.count - 1 {
        standalone(lineStart, i)
        lineStart = i + 1
      }
    }
  }

  private mutating func standalone(_ from: Int, _ to: Int) {
    var tags: [Int] = []
    for k in from...to {
      switch tokens[k].kind {
      case .text: if !isBlank(tokens[k].start, tokens[k].end) { return }
      case .variable: return
      default: tags.append(k)
      }
    }
    guard let firstTag = tags.first, let lastTag = tags.last else { return }
    // Whitespace between two tags is content, so such a line is not standalone.
    if (firstTag...lastTag).contains(where: { tokens[$0].kind == .text }) { return }
    if tags.count > 1 {
      // Several tags stand alone together only for inheritance, as in
      // `{{<layout}}{{$body}}` or `{{/body}}{{/layout}}` (spec ~inheritance);
      // a run of closing tags like `{{/a}}{{/b}}` counts as well.
      let kinds = tags.map { tokens[$0].kind }
      guard kinds.allSatisfy({ $0 == .parent || $0 == .block || $0 == .close }) else { return }
    }
    var indent = ""
    for k in from..<firstTag {
      indent += String(decoding: bytes[tokens[k].start..<tokens[k].end], as: UTF8.self)
    }
    for k in from...to where tokens[k].kind == .text { tokens[k].removed = true }
    if tags.count == 2, tokens[firstTag].kind == .block, tokens[lastTag].kind == .close,
      lastTag < to, let newline = lineEnd(tokens[to])
    {
      // `  {{$b}}{{/b}}` on its own line keeps its line end: replacement content
      // is indented by the whitespace and ends the line (spec "Standalone block").
      tokens[to].start = newline
      tokens[to].removed = false
    }
    for k in tags {
      tokens[k].standalone = true
      tokens[k].indent = indent
    }
  }

  /// Where the `\n` or `\r\n` ending a text token starts.
  private func lineEnd(_ token: Token) -> Int? {
    guard bytes[token.end - 1] == UInt8(ascii: "\n") else { return nil }
    let cr =
      token.end >= 2 && token.end - 2 >= token.start && bytes[token.end - 2] == UInt8(ascii: "\r")
    return cr ? token.end - 2 : token.end - 1
  }

  private func isBlank(_ start: Int, _ end: Int) -> Bool {
    var i = start
    while i < end {
      switch bytes[i] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"): break
      case UInt8(ascii: "\r") where i + 1 < end && bytes[i + 1] == UInt8(ascii: "\n"): break
      case UInt8(ascii: "\n") where i == end - 1: break
      default: return false
      }
      i += 1
    }
    return true
  }
}
