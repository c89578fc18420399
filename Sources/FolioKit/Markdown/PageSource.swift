/// A page's source split into front matter, Markdown body and component blocks.
///
/// Line numbers everywhere are 1-based lines of the file (front matter
/// included), so errors found later in the body point at the right line.
public struct PageSource: Sendable {
  /// The file path used in error messages, e.g. `templates/pages/overview.md`.
  public var path: String
  /// The whole file.
  public var text: String
  public var frontMatter: FrontMatter
  /// The Markdown after the front matter.
  public var body: String
  /// The file line of the body's first line.
  public var bodyStartLine: Int
  /// Component and `sql` blocks in document order.
  public var blocks: [FencedBlock]
  let lines: SourceLines

  /// The info-string words that make a fenced block a component by default.
  public static let defaultDirectiveNames: Set<String> = ["sql", "chart", "table", "card", "value"]

  /// Splits `text` and finds the fenced blocks whose info string starts with one of `directiveNames`.
  ///
  /// Other fenced blocks (```swift …) stay ordinary code. Throws a `FolioError`
  /// (stage `.render`) for bad front matter, a bad info string or an unclosed
  /// component block.
  public static func parse(
    text: String, path: String, directiveNames: Set<String> = defaultDirectiveNames
  ) throws -> PageSource {
    let lines = SourceLines(text)
    let (frontMatter, body, bodyStartLine) = try FrontMatter.split(text, lines: lines, path: path)
    var source = PageSource(
      path: path, text: text, frontMatter: frontMatter, body: String(body),
      bodyStartLine: bodyStartLine, blocks: [], lines: lines)
    let codeBlocks = CommonMark.codeBlocks(source.body).filter { node in
      guard let info = node.info else { return false }
      return directiveNames.contains(String(info.prefix { !$0.isWhitespace }))
    }
    source.blocks = try codeBlocks.map { try source.fencedBlock($0) }
    return source
  }

  /// The file line of 1-based body line `bodyLine`.
  public func fileLine(bodyLine: Int) -> Int {
    bodyLine + bodyStartLine - 1
  }

  /// The text of 1-based file line `line`, for error excerpts.
  public func lineText(_ line: Int) -> String? {
    lines[line].map(String.init)
  }

  /// An error at `line:column` of this file, quoting the line.
  public func error(_ message: String, line: Int, column: Int? = nil) -> FolioError {
    FolioError(.render, message, path: path, line: line, column: column, excerpt: lineText(line))
  }

  /// Builds a block from a cmark code block, re-reading the raw info string
  /// from the file line: cmark unescapes `\"` and entities, which would shift
  /// columns and change quoted values.
  private func fencedBlock(_ node: MarkdownNode) throws -> FencedBlock {
    let line = fileLine(bodyLine: node.line)
    let raw = lines[line] ?? ""
    let utf8 = Array(raw.utf8)
    var fenceStart = max(node.column - 1, 0)
    if fenceStart >= utf8.count || (utf8[fenceStart] != UInt8(ascii: "`") && utf8[fenceStart] != UInt8(ascii: "~")) {
      fenceStart = utf8.firstIndex { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") } ?? 0
    }
    let fenceCharacter = fenceStart < utf8.count ? utf8[fenceStart] : UInt8(ascii: "`")
    var infoStart = fenceStart
    while infoStart < utf8.count, utf8[infoStart] == fenceCharacter { infoStart += 1 }
    let fenceLength = infoStart - fenceStart
    while infoStart < utf8.count, utf8[infoStart] == 0x20 || utf8[infoStart] == 0x09 { infoStart += 1 }
    let infoIndex = raw.utf8.index(raw.utf8.startIndex, offsetBy: infoStart)
    let info = raw[infoIndex...]
    let fenceColumn = SourceLines.characterColumn(ofByte: fenceStart, in: raw)
    let infoColumn = SourceLines.characterColumn(ofByte: infoStart, in: raw)
    let directive = try Directive.parse(
      info: info, line: line, column: infoColumn, path: path, excerpt: String(raw))

    let endLine = fileLine(bodyLine: max(node.endLine, node.line))
    if !Self.isClosingFence(lines[endLine] ?? "", character: fenceCharacter, length: fenceLength)
      || endLine == line
    {
      let fence = String(repeating: Character(UnicodeScalar(fenceCharacter)), count: fenceLength)
      throw error(
        "this `\(directive.name)` block is never closed: add a line \(fence) after its last line",
        line: line, column: fenceColumn)
    }
    return FencedBlock(
      directive: directive, content: node.literal ?? "", line: line, column: fenceColumn,
      endLine: endLine, contentLine: line + 1)
  }

  /// A closing fence after any container markers: the fence character at least
  /// `length` times, then only spaces.
  private static func isClosingFence(_ line: Substring, character: UInt8, length: Int) -> Bool {
    let bytes = line.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
    let run = bytes.prefix { $0 == character }.count
    return run >= length && bytes.dropFirst(run).allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }
}
