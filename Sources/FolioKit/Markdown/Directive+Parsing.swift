extension Directive {
  /// Parses an info string that sits at character `column` of file line `line`.
  ///
  /// `excerpt` is the whole file line, quoted under any error. Values may be
  /// quoted with `"…"`, inside which `\"` and `\\` are escapes (any other
  /// backslash stays as it is). Errors carry the exact column of the problem.
  public static func parse(
    info: Substring, line: Int, column: Int, path: String, excerpt: String
  ) throws -> Directive {
    let characters = Array(info)
    var position = 0
    var directive = Directive(name: "", line: line, column: column)
    var seenOption = false

    func error(_ message: String, at offset: Int) -> FolioError {
      FolioError(
        .render, message, path: path, line: line, column: column + offset, excerpt: excerpt)
    }

    func skipSpaces() {
      while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// A `"…"` value starting at `position`; stops after the closing quote.
    func quoted() throws -> String {
      let open = position
      position += 1
      var text = ""
      while position < characters.count {
        let character = characters[position]
        if character == "\"" {
          position += 1
          if position < characters.count, !characters[position].isWhitespace {
            throw error("expected a space after the closing quote", at: position)
          }
          return text
        }
        if character == "\\", position + 1 < characters.count,
          characters[position + 1] == "\"" || characters[position + 1] == "\\"
        {
          text.append(characters[position + 1])
          position += 2
          continue
        }
        text.append(character)
        position += 1
      }
      throw error("unterminated quoted value: add the closing `\"`", at: open)
    }

    /// An unquoted word: up to whitespace, `=` (when `stopAtEquals`), rejecting stray quotes.
    func word(stopAtEquals: Bool) throws -> String {
      let start = position
      while position < characters.count, !characters[position].isWhitespace {
        let character = characters[position]
        if stopAtEquals && character == "=" { break }
        if character == "\"" {
          let text = String(characters[start..<position])
          throw error(
            "unexpected `\"` after `\(text)`; quote the whole value: key=\"…\"", at: position)
        }
        position += 1
      }
      return String(characters[start..<position])
    }

    skipSpaces()
    let nameStart = position
    directive.name = try word(stopAtEquals: false)
    directive.column = column + nameStart

    while true {
      skipSpaces()
      guard position < characters.count else { break }
      let start = position
      if characters[position] == "\"" {
        guard !seenOption else {
          throw error("a quoted value needs a name: write key=\"…\"", at: start)
        }
        directive.arguments.append(try quoted())
        directive.argumentColumns.append(column + start)
        continue
      }
      let text = try word(stopAtEquals: true)
      let isPair = position < characters.count && characters[position] == "="
      if text.isEmpty && isPair {
        throw error("missing option name before `=`", at: position)
      }
      if !isPair && !seenOption {
        directive.arguments.append(text)
        directive.argumentColumns.append(column + start)
        continue
      }
      let key = text.lowercased()
      guard key.unicodeScalars.allSatisfy(Self.isKeyScalar) else {
        throw error(
          "invalid option name `\(text)`: use letters, digits, `-`, `_` and `.`", at: start)
      }
      if let previous = directive.option(key) {
        throw error(
          "duplicate option `\(key)` (already set at column \(previous.column))", at: start)
      }
      var value = "true"
      var valueColumn = column + start
      if isPair {
        let equals = position
        position += 1
        valueColumn = column + position
        if position < characters.count, characters[position] == "\"" {
          value = try quoted()
        } else {
          value = try word(stopAtEquals: false)
          if value.isEmpty {
            throw error(
              "missing value after `\(text)=`; write \(text)=\"\" for an empty value", at: equals)
          }
        }
      }
      seenOption = true
      directive.options.append(
        Option(
          key: key, value: value, isFlag: !isPair, column: column + start,
          valueColumn: valueColumn))
    }
    return directive
  }

  private static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
      || scalar == "_" || scalar == "."
  }
}
