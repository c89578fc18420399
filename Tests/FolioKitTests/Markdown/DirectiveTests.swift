import Testing

@testable import FolioKit

@Suite struct DirectiveTests {
  /// Parses `info` as if it started at column 4 of line 10 (after "```").
  static func parse(_ info: String) throws -> Directive {
    try Directive.parse(
      info: info[...], line: 10, column: 4, path: "p.md", excerpt: "```" + info)
  }

  @Test func parsesTheBriefExample() throws {
    let directive = try Self.parse(
      "chart line data=trend x=month y=stability series=agency title=\"Stability, trailing 24 months\" format=num:1 down-is-good"
    )
    #expect(directive.name == "chart")
    #expect(directive.arguments == ["line"])
    #expect(directive.argumentColumns == [10])
    #expect(directive.keys == ["data", "x", "y", "series", "title", "format", "down-is-good"])
    #expect(directive["title"] == "Stability, trailing 24 months")
    #expect(directive["format"] == "num:1")
    #expect(directive["down-is-good"] == "true")
    #expect(directive.flag("down-is-good") && !directive.flag("data"))
    #expect(directive.option("down-is-good")?.isFlag == true)
    #expect(directive.option("data") == .init(key: "data", value: "trend", column: 15, valueColumn: 20))
    #expect(directive.line == 10 && directive.column == 4)
  }

  /// Good info strings → name, arguments, options.
  static let goodCases: [(String, String, [String], [String])] = [
    ("sql trend", "sql", ["trend"], []),
    ("sql   trend  ", "sql", ["trend"], []),
    ("table", "table", [], []),
    ("table data=top cols=a,b", "table", [], ["data=top", "cols=a,b"]),
    ("card Value=x UNIT=ms", "card", [], ["value=x", "unit=ms"]),
    ("chart bar stacked data=d", "chart", ["bar", "stacked"], ["data=d"]),
    ("chart \"two words\" data=d", "chart", ["two words"], ["data=d"]),
    ("value data=d title=\"say \\\"hi\\\" \\\\ now\"", "value", [], ["data=d", "title=say \"hi\" \\ now"]),
    ("value title=\"C:\\path\"", "value", [], ["title=C:\\path"]),
    ("value title=\"\"", "value", [], ["title="]),
    ("value expr=a=b", "value", [], ["expr=a=b"]),
    ("card x=1 flag y=2", "card", [], ["x=1", "flag=true", "y=2"]),
    ("chart line\tdata=é", "chart", ["line"], ["data=é"]),
  ]

  @Test(arguments: goodCases) func parsesGoodInfoStrings(
    info: String, name: String, arguments: [String], options: [String]
  ) throws {
    let directive = try Self.parse(info)
    #expect(directive.name == name)
    #expect(directive.arguments == arguments)
    #expect(directive.options.map { "\($0.key)=\($0.value)" } == options)
  }

  /// Bad info strings → exact message and column (info starts at column 4).
  static let badCases: [(String, String)] = [
    ("chart line title=\"Stability", "p.md:10:21: unterminated quoted value: add the closing `\"`"),
    ("chart line x=a x=b", "p.md:10:19: duplicate option `x` (already set at column 15)"),
    ("chart line x=a X=b", "p.md:10:19: duplicate option `x` (already set at column 15)"),
    ("card x=1 up up", "p.md:10:16: duplicate option `up` (already set at column 13)"),
    ("chart line =month", "p.md:10:15: missing option name before `=`"),
    ("table data=", "p.md:10:14: missing value after `data=`; write data=\"\" for an empty value"),
    ("table title=\"a\"b", "p.md:10:19: expected a space after the closing quote"),
    ("table title=a\"b\"", "p.md:10:17: unexpected `\"` after `a`; quote the whole value: key=\"…\""),
    ("table x=1 \"loose\"", "p.md:10:14: a quoted value needs a name: write key=\"…\""),
    ("table ti:tle=x", "p.md:10:10: invalid option name `ti:tle`: use letters, digits, `-`, `_` and `.`"),
  ]

  @Test(arguments: badCases) func reportsExactErrors(info: String, expected: String) {
    do {
      _ = try Self.parse(info)
      Issue.record("expected an error for \(info)")
    } catch let error as FolioError {
      #expect(error.description == expected + "\n    ```" + info)
      #expect(error.stage == .render)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
