import Testing

@testable import FolioKit

@Suite struct FrontMatterTests {
  @Test func parsesEveryFeature() throws {
    let text = """
      ---
      # a comment
      title: Executive Overview
      nav_order: 2
      weight: -1.5
      draft: false
      quoted: "Stability, \\"trailing\\" \\\\ 24"
      single: 'it''s # not a comment'
      tags: [cost, "a, b", 3, true]
      empty_list: []
      comment_after: value # trailing comment
      blank:

      each: |
        select agency_id,
               agency_name

        from dim_agency
      strip: |-
        one
      ---
      # Body
      """
    let (frontMatter, body, bodyStartLine) = try FrontMatter.split(text, path: "p.md")
    #expect(
      frontMatter.keys == [
        "title", "nav_order", "weight", "draft", "quoted", "single", "tags", "empty_list",
        "comment_after", "blank", "each", "strip",
      ])
    #expect(frontMatter["title"] == .string("Executive Overview"))
    #expect(frontMatter["nav_order"] == .int(2))
    #expect(frontMatter["weight"] == .double(-1.5))
    #expect(frontMatter["draft"] == .bool(false))
    #expect(frontMatter["quoted"] == .string("Stability, \"trailing\" \\ 24"))
    #expect(frontMatter["single"] == .string("it's # not a comment"))
    #expect(frontMatter["tags"] == .list([.string("cost"), .string("a, b"), .int(3), .bool(true)]))
    #expect(frontMatter["empty_list"] == .list([]))
    #expect(frontMatter["comment_after"] == .string("value"))
    #expect(frontMatter["blank"] == .string(""))
    #expect(frontMatter["each"] == .string("select agency_id,\n       agency_name\n\nfrom dim_agency\n"))
    #expect(frontMatter["strip"] == .string("one"))
    #expect(frontMatter.entry("title")?.line == 3)
    #expect(frontMatter.entry("title")?.column == 8)
    #expect(frontMatter.entry("each")?.line == 14)
    #expect(body == "# Body")
    #expect(bodyStartLine == 22)
  }

  @Test func keysKeepFileOrder() throws {
    let (frontMatter, _, _) = try FrontMatter.split("---\nb: 1\na: 2\nc: 3\n---\n", path: "p.md")
    #expect(frontMatter.keys == ["b", "a", "c"])
  }

  @Test func scalarTyping() {
    #expect(FrontMatterValue.typed(plain: "42") == .int(42))
    #expect(FrontMatterValue.typed(plain: "-7") == .int(-7))
    #expect(FrontMatterValue.typed(plain: "1e3") == .double(1000))
    #expect(FrontMatterValue.typed(plain: ".5") == .double(0.5))
    #expect(FrontMatterValue.typed(plain: "True") == .bool(true))
    #expect(FrontMatterValue.typed(plain: "2024-05") == .string("2024-05"))
    #expect(FrontMatterValue.typed(plain: "nan") == .string("nan"))
    #expect(FrontMatterValue.typed(plain: "1.2.3") == .string("1.2.3"))
    #expect(FrontMatterValue.typed(plain: "yes") == .string("yes"))
    #expect(FrontMatterValue.list([.int(1), .string("a")]).text == "1, a")
  }

  @Test func noFrontMatterMeansWholeBody() throws {
    let (frontMatter, body, start) = try FrontMatter.split("# Hi\n---\n", path: "p.md")
    #expect(frontMatter.isEmpty && body == "# Hi\n---\n" && start == 1)
  }

  @Test func crlfAndEmptyFrontMatter() throws {
    let (frontMatter, body, start) = try FrontMatter.split(
      "---\r\ntitle: A\r\n---\r\nbody\r\n", path: "p.md")
    #expect(frontMatter["title"] == .string("A") && body == "body\r\n" && start == 4)
    let empty = try FrontMatter.split("---\n---\n", path: "p.md")
    #expect(empty.frontMatter.isEmpty && empty.body == "" && empty.bodyStartLine == 3)
  }

  /// Broken front matter → the exact error (line, column, message).
  static let errorCases: [(String, String)] = [
    ("---\ntitle: A\n", "p.md:1:1: front matter is not closed: add a `---` line after the last key\n    ---"),
    ("---\ntitle A\n---\n", "p.md:2:1: expected `key: value`, found `title A`\n    title A"),
    ("---\ntitle: A\nnav: 1\ntitle: B\n---\n", "p.md:4:1: duplicate key `title` (first set on line 2)\n    title: B"),
    ("---\ntitle: A\n  sub: 1\n---\n", "p.md:3:3: unexpected indentation: only the lines of a `key: |` block may be indented (nested keys are not supported)\n      sub: 1"),
    ("---\neach: |\n    select a\n  from t\n---\n", "p.md:4:3: bad indentation: this line is indented 2 spaces, less than the 4 of line 3 that starts the block\n      from t"),
    ("---\n\ttitle: A\n---\n", "p.md:2:1: tabs cannot be used for indentation; use spaces\n    \ttitle: A"),
    ("---\nmy key: A\n---\n", "p.md:2:1: invalid key `my key`: use letters, digits, `_` and `-`, starting with a letter or `_`\n    my key: A"),
    ("---\n: A\n---\n", "p.md:2:1: missing key before `:`\n    : A"),
    ("---\ntitle:A\n---\n", "p.md:2:7: expected a space after `:` in `key: value`\n    title:A"),
    ("---\ntitle: \"A\n---\n", "p.md:2:8: unterminated quoted string: add the closing `\"`\n    title: \"A"),
    ("---\ntitle: 'A\n---\n", "p.md:2:8: unterminated quoted string: add the closing `'`\n    title: 'A"),
    ("---\ntitle: \"A\" B\n---\n", "p.md:2:12: unexpected text after the value: `B`\n    title: \"A\" B"),
    ("---\ntitle: \"A\\q\"\n---\n", "p.md:2:10: unknown escape `\\q` in a double-quoted string (use \\\" \\\\ \\n or \\t)\n    title: \"A\\q\""),
    ("---\ntags: [a, b\n---\n", "p.md:2:7: unterminated list: add the closing `]`\n    tags: [a, b"),
    ("---\ntags: [a,, b]\n---\n", "p.md:2:10: empty item in list\n    tags: [a,, b]"),
    ("---\ntags: [a, [b]]\n---\n", "p.md:2:11: nested lists and maps are not supported\n    tags: [a, [b]]"),
    ("---\nmap: {a: 1}\n---\n", "p.md:2:6: inline maps (`{…}`) are not supported\n    map: {a: 1}"),
    ("---\nsql: >\n  a\n---\n", "p.md:2:6: folded blocks (`>`) are not supported; use `|`\n    sql: >"),
    ("---\nsql: | x\n  a\n---\n", "p.md:2:7: expected a line break after `|`; the block's text goes on the following indented lines\n    sql: | x"),
  ]

  @Test(arguments: errorCases) func reportsExactErrors(source: String, expected: String) {
    do {
      _ = try FrontMatter.split(source, path: "p.md")
      Issue.record("expected an error for \(source.debugDescription)")
    } catch let error as FolioError {
      #expect(error.description == expected)
      #expect(error.stage == .render)
    } catch {
      Issue.record("unexpected error type \(error)")
    }
  }
}
