import Testing

@testable import FolioKit

@Suite struct MarkdownHTMLTests {
  /// Documents covering every construct cmark renders; each must match cmark byte for byte.
  static let corpus: [String] = [
    "",
    "Hello *world*",
    "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n",
    "Setext\n======\n\nSub\n---\n",
    "- a\n- b\n- c\n",
    "- a\n\n- b\n\n- c\n",
    "1. one\n2. two\n",
    "7. seven\n8. eight\n",
    "0) zero\n1) one\n",
    "- a\n  - nested\n    1. deep\n- b\n\n  para in b\n",
    "* tight item\n  continued\n* second\n",
    "- \n- empty first item above\n",
    "`code` and ``co`de`` spans",
    "```\nplain fence\n```\n",
    "```swift\nlet x = 1 < 2 && \"q\"\n```\n",
    "~~~ sql trend  extra words\nselect * from t where a > 1\n~~~\n",
    "```a&b\"c\ncode\n```\n",
    "    indented code\n    <b>\n",
    "[link](http://example.com \"Title & <more>\")",
    "[link](</my url> 'single')",
    "[ref][1]\n\n[1]: http://x.org/a?b=c&d=e \"T\"\n",
    "![alt *emph* `code` text](img.png \"Img title\")",
    "![outer ![inner](a.png) text](b.png)",
    "![line\nbreak  \nhard](c.png)",
    "*em* _em_ **strong** __strong__ ***both***",
    "> quote\n> more\n>\n> > nested\n",
    ">\n",
    "<div class=\"x\">\n*not md*\n</div>\n\nafter\n",
    "<!-- comment -->\n\ntext <span>inline</span> html\n",
    "line one\nline two\n",
    "hard  \nbreak\\\nagain\n",
    "&amp; &copy; &#35; &#x22; &nbsp; &bogus;",
    "Escapes: \\* \\_ \\` \\\\ \\< \\& \"quoted\" 'single' <>",
    "5 < 6 > 4 & \"x\"",
    "<http://auto.link/path?q=1&r=2> and <me@example.com>",
    "[spaces](http://x.y/a%20b/c d) [unicode](http://x.y/é?ü=ß)",
    "[odd](http://x.y/[brackets]^{}|`\\) [quote](http://x.y/it's)",
    "***\n---\n___\n",
    "Heading with `code` and *emphasis*\n===\n",
    "# Same\n# Same\n# Same\n",
    "| not | a table |\n|---|---|\n",
    "Smart \"quotes\" -- dashes --- ... stay",
    "1. a\n\n   ```\n   code in item\n   ```\n2. b\n",
    "- [ ] task-like\n- [x] done\n",
    "Trailing text with no newline",
    "\tTabbed\n",
    "Ünïcödé ✓ 日本語 text",
    "<script>alert(1)</script>\n",
    "[javascript](javascript:alert(1))",
  ]

  @Test func referenceIsRealCmarkOutput() {
    #expect(CommonMark.referenceHTML("Hello *world* & <b>") == "<p>Hello <em>world</em> &amp; <b></p>\n")
    #expect(CommonMark.referenceHTML("[a](b c)") == "<p>[a](b c)</p>\n")
    #expect(CommonMark.referenceHTML("[a](<b c>)") == "<p><a href=\"b%20c\">a</a></p>\n")
  }

  @Test func matchesCmarkOnCorpus() {
    for markdown in Self.corpus {
      let expected = CommonMark.referenceHTML(markdown)
      let actual = MarkdownHTML.render(CommonMark.parse(markdown), headingIDs: false)
      #expect(actual == expected, "for \(markdown.debugDescription)")
    }
  }

  @Test func matchesCmarkOnEveryASCIIByteInTextAndURLs() {
    for value in UInt8(0x20)...UInt8(0x7E) {
      let character = String(UnicodeScalar(value))
      for markdown in [
        "a\(character)b", "[x](http://h/a\(character)b)", "[x](</a\(character)b>)",
        "![x\(character)](u \"t\(character)\")", "```i\(character)j\ncode\n```",
      ] {
        let expected = CommonMark.referenceHTML(markdown)
        let actual = MarkdownHTML.render(CommonMark.parse(markdown), headingIDs: false)
        #expect(actual == expected, "for \(markdown.debugDescription)")
      }
    }
  }

  @Test func headingsGetDeduplicatedIDs() {
    let html = MarkdownHTML.render(
      CommonMark.parse("# Overview\n## Cost & Waste\n# Overview\n### Overview\n## `code` *it*\n"))
    #expect(
      html
        == "<h1 id=\"overview\">Overview</h1>\n<h2 id=\"cost-and-waste\">Cost &amp; Waste</h2>\n"
        + "<h1 id=\"overview-2\">Overview</h1>\n<h3 id=\"overview-3\">Overview</h3>\n"
        + "<h2 id=\"code-it\"><code>code</code> <em>it</em></h2>\n")
  }

  @Test func headingIDsAvoidCollisionWithLiteralSuffix() {
    let html = MarkdownHTML.render(CommonMark.parse("# A\n# A-2\n# A\n# !!!\n"))
    #expect(
      html
        == "<h1 id=\"a\">A</h1>\n<h1 id=\"a-2\">A-2</h1>\n<h1 id=\"a-3\">A</h1>\n"
        + "<h1 id=\"section\">!!!</h1>\n")
  }

  @Test func overrideReplacesNodesAndTheirChildren() {
    let document = CommonMark.parse(
      "Intro *here*.\n\n<!--folio:block:0-->\n\n- item `x`\n")
    let html = MarkdownHTML.render(document) { node in
      switch node.kind {
      case .htmlBlock where node.literal == "<!--folio:block:0-->\n": return "<figure>chart</figure>\n"
      case .emphasis: return "<b>HERE</b>"
      case .code: return "<kbd>X</kbd>"
      default: return nil
      }
    }
    #expect(html == "<p>Intro <b>HERE</b>.</p>\n<figure>chart</figure>\n<ul>\n<li>item <kbd>X</kbd></li>\n</ul>\n")
  }

  @Test func overrideOfDocumentReplacesEverything() {
    let html = MarkdownHTML.render(CommonMark.parse("# x")) { $0.kind == .document ? "all" : nil }
    #expect(html == "all")
  }

  @Test func treeCarriesPositionsAndAttributes() {
    let document = CommonMark.parse("# Title\n\n3. a\n4. b\n\n```sql trend\nselect 1\n```\n")
    #expect(document.kind == .document)
    #expect(document.children.map(\.kind) == [.heading, .list, .codeBlock])
    let heading = document.children[0]
    #expect(heading.headingLevel == 1 && heading.line == 1 && heading.column == 1)
    let list = document.children[1]
    #expect(list.listOrdered == true && list.listStart == 3 && list.listTight == true)
    #expect(list.line == 3)
    let code = document.children[2]
    #expect(code.info == "sql trend" && code.literal == "select 1\n")
    #expect(code.line == 6 && code.endLine == 8)
  }

  @Test func codeBlockWalkMatchesFullTree() {
    let markdown = "```a\nx\n```\n\n> ```b c\n> y\n> ```\n\n    indented\n\n- ~~~d\n  z\n  ~~~\n"
    var expected: [MarkdownNode] = []
    CommonMark.parse(markdown).forEach { if $0.kind == .codeBlock { expected.append($0) } }
    #expect(expected.count == 4)
    #expect(CommonMark.codeBlocks(markdown) == expected)
  }

  @Test func deeplyNestedQuotesDoNotRecurse() {
    let markdown = String(repeating: ">", count: 5000) + " deep\n"
    let html = MarkdownHTML.render(CommonMark.parse(markdown), headingIDs: false)
    #expect(html == CommonMark.referenceHTML(markdown))
  }
}
