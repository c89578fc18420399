/// The settings block at the top of a page, between two `---` lines.
///
/// A YAML subset: `key: value` scalars (strings, integers, decimals, booleans,
/// "double" or 'single' quoted strings), inline lists `[a, b]`, `key: |`
/// literal blocks of indented lines, `#` comments and blank lines. Keys keep
/// their order and remember the line they came from.
public struct FrontMatter: Sendable, Equatable {
  /// One `key: value` line (or block).
  public struct Entry: Sendable, Equatable {
    public var key: String
    public var value: FrontMatterValue
    /// 1-based line of the key in the file.
    public var line: Int
    /// 1-based character column where the value starts (after `key: `).
    public var column: Int

    public init(key: String, value: FrontMatterValue, line: Int, column: Int) {
      self.key = key
      self.value = value
      self.line = line
      self.column = column
    }
  }

  /// The entries in file order; keys are unique.
  public var entries: [Entry]

  public init(entries: [Entry] = []) {
    self.entries = entries
  }

  /// True when the page had no front matter or an empty one.
  public var isEmpty: Bool { entries.isEmpty }

  /// The keys in file order.
  public var keys: [String] { entries.map(\.key) }

  /// The value for `key` (keys are case-sensitive).
  public subscript(key: String) -> FrontMatterValue? {
    entry(key)?.value
  }

  /// The whole entry for `key`, with its line, for error messages.
  public func entry(_ key: String) -> Entry? {
    entries.first { $0.key == key }
  }

  /// The front matter of `text` and where the Markdown body starts.
  ///
  /// Without a leading `---` line the front matter is empty and the body is the
  /// whole text (`bodyStartLine` 1). Throws a `FolioError` (stage `.render`)
  /// pointing at the offending line and column.
  public static func split(_ text: String, path: String) throws -> (
    frontMatter: FrontMatter, body: Substring, bodyStartLine: Int
  ) {
    let lines = SourceLines(text)
    return try split(text, lines: lines, path: path)
  }

  static func split(_ text: String, lines: SourceLines, path: String) throws -> (
    frontMatter: FrontMatter, body: Substring, bodyStartLine: Int
  ) {
    guard let first = lines[1], isDelimiter(first.drop { $0 == "\u{FEFF}" }) else {
      return (FrontMatter(), text[...], 1)
    }
    guard let closing = (2...max(2, lines.count)).first(where: { isDelimiter(lines[$0] ?? "x") })
    else {
      throw FolioError(
        .render, "front matter is not closed: add a `---` line after the last key", path: path,
        line: 1, column: 1, excerpt: String(first))
    }
    var parser = FrontMatterParser(lines: lines, range: 2..<closing, path: path)
    let frontMatter = try parser.parse()
    let bodyStartLine = closing + 1
    let body: Substring
    if bodyStartLine <= lines.count {
      let offset = lines.offsets[bodyStartLine - 1]
      body = text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...]
    } else {
      body = text[text.endIndex...]
    }
    return (frontMatter, body, bodyStartLine)
  }

  private static func isDelimiter(_ line: Substring) -> Bool {
    line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
  }
}
