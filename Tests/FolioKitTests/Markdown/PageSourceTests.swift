import Testing

@testable import FolioKit

@Suite struct PageSourceTests {
  static let page = """
    ---
    title: Overview
    nav_order: 1
    ---
    # Overview

    ```sql trend
    select month, stability
    from v_trend where month <= :month
    ```

    Some text.
    ```chart line data=trend x=month title="Say \\"hi\\""
    ```

    ```swift
    let notADirective = 1
    ```

    > Quoted:
    > ```table data=trend
    > ```

    - item
      ~~~~card value=x
      body
      ~~~~
    - next

    """

  @Test func findsBlocksWithFileLines() throws {
    let source = try PageSource.parse(text: Self.page, path: "templates/pages/overview.md")
    #expect(source.frontMatter["title"] == .string("Overview"))
    #expect(source.bodyStartLine == 5)
    #expect(source.body.hasPrefix("# Overview\n"))
    #expect(source.blocks.map(\.directive.name) == ["sql", "chart", "table", "card"])

    let sql = source.blocks[0]
    #expect(sql.directive.arguments == ["trend"])
    #expect(sql.content == "select month, stability\nfrom v_trend where month <= :month\n")
    #expect(sql.line == 7 && sql.contentLine == 8 && sql.endLine == 10 && sql.column == 1)
    #expect(sql.directive.line == 7 && sql.directive.column == 4)
    #expect(sql.directive.argumentColumns == [8])

    let chart = source.blocks[1]
    // Read from the raw line, so `\"` is the directive's escape, not cmark's.
    #expect(chart.directive["title"] == "Say \"hi\"")
    #expect(chart.line == 13 && chart.endLine == 14 && chart.content == "")

    let table = source.blocks[2]
    #expect(table.line == 21 && table.column == 3 && table.endLine == 22)
    #expect(table.directive.option("data")?.column == 12)

    let card = source.blocks[3]
    #expect(card.line == 25 && card.column == 3 && card.endLine == 27 && card.content == "body\n")
    #expect(card.directive.option("value")?.column == 12)
  }

  @Test func customDirectiveNames() throws {
    let source = try PageSource.parse(
      text: "```swift\nx\n```\n```sql a\ny\n```\n", path: "p.md", directiveNames: ["swift"])
    #expect(source.blocks.map(\.directive.name) == ["swift"])
    #expect(source.bodyStartLine == 1)
  }

  @Test func directiveErrorsPointAtFileLineAndColumn() {
    let text = "---\ntitle: x\n---\n\nText\n\n```chart line x=a title=\"open\n```\n"
    #expect(throws: FolioError(
      .render, "unterminated quoted value: add the closing `\"`", path: "p.md", line: 7,
      column: 25, excerpt: "```chart line x=a title=\"open")) {
      try PageSource.parse(text: text, path: "p.md")
    }
  }

  /// The example in docs/authoring.md, with its closing quote missing.
  @Test func documentedErrorExample() {
    let text = """
      ---
      title: Executive Overview
      nav_order: 1
      description: "Stability and SLA breaches, month by month"
      ---
      # Executive Overview

      ```sql trend
      select month, stability from v_stability_trend where month <= :month
      ```

      ```chart line data=trend x=month y=stability title="Stability, trailing 24 months
      ```
      """
    do {
      _ = try PageSource.parse(text: text, path: "templates/pages/overview.md")
      Issue.record("expected an error")
    } catch {
      #expect(
        "\(error)" == """
          templates/pages/overview.md:12:52: unterminated quoted value: add the closing `"`
              ```chart line data=trend x=month y=stability title="Stability, trailing 24 months
          """)
    }
  }

  @Test func unclosedComponentBlockIsAnError() {
    let text = "# T\n\n```sql trend\nselect 1\n\nmore\n"
    #expect(throws: FolioError(
      .render, "this `sql` block is never closed: add a line ``` after its last line",
      path: "p.md", line: 3, column: 1, excerpt: "```sql trend")) {
      try PageSource.parse(text: text, path: "p.md")
    }
    let quoted = "> ~~~card x=1\n> a\n\nafter\n"
    #expect(throws: FolioError(
      .render, "this `card` block is never closed: add a line ~~~ after its last line",
      path: "p.md", line: 1, column: 3, excerpt: "> ~~~card x=1")) {
      try PageSource.parse(text: quoted, path: "p.md")
    }
  }

  @Test func unclosedOrdinaryCodeIsLeftToMarkdown() throws {
    let source = try PageSource.parse(text: "```swift\nlet x = 1\n", path: "p.md")
    #expect(source.blocks.isEmpty)
  }

  @Test func frontMatterErrorsComeThrough() {
    #expect(throws: FolioError.self) { try PageSource.parse(text: "---\nx y\n---\n", path: "p.md") }
  }

  @Test func errorHelperQuotesTheLine() throws {
    let source = try PageSource.parse(text: Self.page, path: "p.md")
    let error = source.error("unknown column `stabilty`", line: 8, column: 15)
    #expect(error.description == "p.md:8:15: unknown column `stabilty`\n    select month, stability")
  }

  @Test func swappingBlocksKeepsLineNumbers() throws {
    let source = try PageSource.parse(text: Self.page, path: "p.md")
    let swapped = source.bodyReplacingBlocks { PageSource.placeholder($0) }
    let before = source.body.split(separator: "\n", omittingEmptySubsequences: false)
    let after = swapped.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(after.count == before.count)
    for (number, block) in source.blocks.enumerated() {
      #expect(after[block.line - source.bodyStartLine].hasSuffix("<!--folio:block:\(number)-->"))
    }
    #expect(after[2] == "<!--folio:block:0-->" && after[3] == "" && after[5] == "")
    #expect(after[8] == "<!--folio:block:1-->" && after[9] == "")
    #expect(after[16] == "> <!--folio:block:2-->" && after[17] == ">")
    #expect(after[20] == "  <!--folio:block:3-->" && after[21] == "" && after[22] == "")
    #expect(after[7] == "Some text." && after[11] == "```swift" && after[23] == "- next")
    #expect(swapped.hasSuffix("- next\n"))
  }

  @Test func swappedBodyRendersWithOverrides() throws {
    let source = try PageSource.parse(text: Self.page, path: "p.md")
    let document = CommonMark.parse(source.bodyReplacingBlocks { PageSource.placeholder($0) })
    var found: [Int] = []
    let html = MarkdownHTML.render(document) { node in
      guard let index = PageSource.placeholderIndex(node) else { return nil }
      found.append(index)
      return "<div data-block=\"\(index)\"></div>\n"
    }
    #expect(found == [0, 1, 2, 3])
    #expect(html.contains("<p>Some text.</p>\n<div data-block=\"1\"></div>\n"))
    #expect(html.contains("<blockquote>\n<p>Quoted:</p>\n<div data-block=\"2\"></div>\n</blockquote>"))
    #expect(html.contains("<pre><code class=\"language-swift\">let notADirective = 1\n</code></pre>"))
    // Body lines still map to file lines after the swap.
    let paragraph = document.children.first { $0.kind == .paragraph }
    #expect(paragraph.map { source.fileLine(bodyLine: $0.line) } == 12)
  }

  @Test func longerReplacementsGrowAndShorterOnesPad() throws {
    let source = try PageSource.parse(text: "a\n```sql q\nx\ny\n```\nb", path: "p.md")
    #expect(source.bodyReplacingBlocks { _ in "1\n2\n3\n4\n5\n" } == "a\n1\n2\n3\n4\n5\nb")
    #expect(source.bodyReplacingBlocks { _ in "" } == "a\n\n\n\n\nb")
  }

  @Test func placeholderIndexIgnoresOtherHTML() {
    #expect(PageSource.placeholderIndex(MarkdownNode(kind: .htmlBlock, literal: "<!--folio:block:12-->\n")) == 12)
    #expect(PageSource.placeholderIndex(MarkdownNode(kind: .htmlBlock, literal: "<!-- other -->\n")) == nil)
    #expect(PageSource.placeholderIndex(MarkdownNode(kind: .htmlInline, literal: "<!--folio:block:1-->")) == nil)
  }
}
