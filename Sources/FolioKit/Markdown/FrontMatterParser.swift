/// Reads the lines between the `---` delimiters into `FrontMatter` entries.
struct FrontMatterParser {
  let lines: SourceLines
  let range: Range<Int>
  let path: String
  private var entries: [FrontMatter.Entry] = []

  init(lines: SourceLines, range: Range<Int>, path: String) {
    self.lines = lines
    self.range = range
    self.path = path
  }

  mutating func parse() throws -> FrontMatter {
    var number = range.lowerBound
    while number < range.upperBound {
      let line = Array(lines[number] ?? "")
      number += 1
      let indent = line.prefix { $0 == " " || $0 == "\t" }.count
      if indent == line.count || line[indent] == "#" { continue }  // blank or comment
      if line.prefix(indent).contains("\t") {
        throw error("tabs cannot be used for indentation; use spaces", line: number - 1, column: 1)
      }
      if indent > 0 {
        throw error(
          "unexpected indentation: only the lines of a `key: |` block may be indented "
            + "(nested keys are not supported)", line: number - 1, column: indent + 1)
      }
      let lineNumber = number - 1
      guard let colon = line.firstIndex(of: ":") else {
        throw error(
          "expected `key: value`, found `\(String(line).trimmingSpaces)`", line: lineNumber, column: 1)
      }
      let key = String(line[..<colon]).trimmingSpaces
      guard !key.isEmpty else {
        throw error("missing key before `:`", line: lineNumber, column: colon + 1)
      }
      guard Self.isValidKey(key), line[colon - 1] != " ", line[colon - 1] != "\t" else {
        throw error(
          "invalid key `\(key)`: use letters, digits, `_` and `-`, starting with a letter or `_`",
          line: lineNumber, column: 1)
      }
      if colon + 1 < line.count, line[colon + 1] != " ", line[colon + 1] != "\t" {
        throw error(
          "expected a space after `:` in `key: value`", line: lineNumber, column: colon + 2)
      }
      if let previous = entries.first(where: { $0.key == key }) {
        throw error(
          "duplicate key `\(key)` (first set on line \(previous.line))", line: lineNumber,
          column: 1)
      }
      var start = colon + 1
      while start < line.count, line[start] == " " || line[start] == "\t" { start += 1 }
      let value: FrontMatterValue
      if start < line.count, line[start] == "|" {
        value = try blockScalar(header: line, at: start, lineNumber: lineNumber, next: &number)
      } else {
        value = try scalarOrList(line, from: start, lineNumber: lineNumber)
      }
      entries.append(.init(key: key, value: value, line: lineNumber, column: start + 1))
    }
    return FrontMatter(entries: entries)
  }

  /// `key: |` (clip), `|-` (strip) or `|+` (keep): the following indented lines, dedented.
  private mutating func blockScalar(
    header: [Character], at start: Int, lineNumber: Int, next number: inout Int
  ) throws -> FrontMatterValue {
    var chomping: Character = " "
    var position = start + 1
    if position < header.count, header[position] == "-" || header[position] == "+" {
      chomping = header[position]
      position += 1
    }
    let rest = String(header[position...]).trimmingSpaces
    guard rest.isEmpty || rest.hasPrefix("#") else {
      throw error(
        "expected a line break after `|`; the block's text goes on the following indented lines",
        line: lineNumber, column: position + 1)
    }
    var content: [String] = []
    var indent: Int?
    var firstContentLine = 0
    while number < range.upperBound {
      let line = Array(lines[number] ?? "")
      let spaces = line.prefix { $0 == " " }.count
      let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
      if blank {
        content.append("")
        number += 1
        continue
      }
      if spaces == 0 {
        if line.first == "\t" {
          throw error("tabs cannot be used for indentation; use spaces", line: number, column: 1)
        }
        break
      }
      if let indent {
        if spaces < indent {
          throw error(
            "bad indentation: this line is indented \(spaces) spaces, less than the "
              + "\(indent) of line \(firstContentLine) that starts the block",
            line: number, column: spaces + 1)
        }
      } else {
        indent = spaces
        firstContentLine = number
      }
      content.append(String(line[(indent ?? spaces)...]))
      number += 1
    }
    // Trailing blank lines belong to the block only under `|+`.
    var trailing = 0
    while let last = content.last, last.isEmpty {
      content.removeLast()
      trailing += 1
    }
    if content.isEmpty { return .string("") }
    let text = content.joined(separator: "\n")
    switch chomping {
    case "-": return .string(text)
    case "+": return .string(text + String(repeating: "\n", count: trailing + 1))
    default: return .string(text + "\n")
    }
  }

  /// A scalar, quoted string or inline list starting at `start`.
  private func scalarOrList(_ line: [Character], from start: Int, lineNumber: Int) throws
    -> FrontMatterValue
  {
    guard start < line.count else { return .string("") }
    var position = start
    let value: FrontMatterValue
    switch line[start] {
    case "[":
      value = try list(line, &position, lineNumber: lineNumber)
    case "{":
      throw error(
        "inline maps (`{…}`) are not supported", line: lineNumber, column: start + 1)
    case ">":
      throw error(
        "folded blocks (`>`) are not supported; use `|`", line: lineNumber, column: start + 1)
    case "\"", "'":
      value = .string(try quoted(line, &position, lineNumber: lineNumber))
    default:
      return .typed(plain: Self.plain(line[start...]))
    }
    try expectEnd(line, position, lineNumber: lineNumber)
    return value
  }

  /// Only spaces or a `# comment` may follow a closing quote or bracket.
  private func expectEnd(_ line: [Character], _ position: Int, lineNumber: Int) throws {
    var index = position
    while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
    guard index == line.count || (line[index] == "#" && index > position) else {
      throw error(
        "unexpected text after the value: `\(String(line[index...]))`", line: lineNumber,
        column: index + 1)
    }
  }

  /// An unquoted scalar: up to a ` #` comment, trailing spaces trimmed.
  private static func plain(_ text: ArraySlice<Character>) -> String {
    var end = text.endIndex
    for index in text.indices where text[index] == "#" {
      if index > text.startIndex, text[index - 1] == " " || text[index - 1] == "\t" {
        end = index
        break
      }
    }
    return String(text[text.startIndex..<end]).trimmingSpaces
  }

  /// `[a, "b, c", 3]`: scalars separated by commas; a trailing comma is allowed.
  private func list(_ line: [Character], _ position: inout Int, lineNumber: Int) throws
    -> FrontMatterValue
  {
    let open = position
    position += 1
    var items: [FrontMatterValue] = []
    while true {
      while position < line.count, line[position] == " " || line[position] == "\t" {
        position += 1
      }
      guard position < line.count else {
        throw error(
          "unterminated list: add the closing `]`", line: lineNumber, column: open + 1)
      }
      switch line[position] {
      case "]":
        position += 1
        return .list(items)
      case ",":
        throw error("empty item in list", line: lineNumber, column: position + 1)
      case "[", "{":
        throw error(
          "nested lists and maps are not supported", line: lineNumber, column: position + 1)
      case "\"", "'":
        items.append(.string(try quoted(line, &position, lineNumber: lineNumber)))
        while position < line.count, line[position] == " " { position += 1 }
        guard position < line.count, line[position] == "," || line[position] == "]" else {
          if position >= line.count {
            throw error(
              "unterminated list: add the closing `]`", line: lineNumber, column: open + 1)
          }
          throw error(
            "expected `,` or `]` after a list item", line: lineNumber, column: position + 1)
        }
      default:
        let itemStart = position
        while position < line.count, line[position] != ",", line[position] != "]" {
          position += 1
        }
        let text = String(line[itemStart..<position]).trimmingSpaces
        items.append(.typed(plain: text))
      }
      if position < line.count, line[position] == "," { position += 1 }
    }
  }

  /// A "double" (escapes `\"`, `\\`, `\n`, `\t`) or 'single' (`''` is a quote) quoted string.
  private func quoted(_ line: [Character], _ position: inout Int, lineNumber: Int) throws
    -> String
  {
    let quote = line[position]
    let open = position
    position += 1
    var text = ""
    while position < line.count {
      let character = line[position]
      if character == quote {
        if quote == "'", position + 1 < line.count, line[position + 1] == "'" {
          text.append("'")
          position += 2
          continue
        }
        position += 1
        return text
      }
      if quote == "\"", character == "\\" {
        guard position + 1 < line.count else { break }
        switch line[position + 1] {
        case "\"": text.append("\"")
        case "\\": text.append("\\")
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "/": text.append("/")
        default:
          throw error(
            "unknown escape `\\\(line[position + 1])` in a double-quoted string "
              + "(use \\\" \\\\ \\n or \\t)", line: lineNumber, column: position + 1)
        }
        position += 2
        continue
      }
      text.append(character)
      position += 1
    }
    throw error(
      "unterminated quoted string: add the closing `\(quote)`", line: lineNumber,
      column: open + 1)
  }

  private static func isValidKey(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first, first == "_" || first.isASCIILetter else {
      return false
    }
    return key.unicodeScalars.allSatisfy {
      $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "."
    }
  }

  private func error(_ message: String, line: Int, column: Int) -> FolioError {
    FolioError(
      .render, message, path: path, line: line, column: column,
      excerpt: lines[line].map(String.init))
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self)
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? start
    return String(scalars[start...end])
  }
}
