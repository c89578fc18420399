import Foundation
import Testing

@testable import FolioKit

/// Random documents stitched from Markdown fragments (seeded, so reproducible),
/// each rendered by cmark and by `MarkdownHTML`: the outputs must be identical.
@Suite struct MarkdownFuzzTests {
  static let fragments: [String] =
    MarkdownHTMLTests.corpus + [
      "#", "##  x ##", "*", "**", "_a_b_", "[", "]", "](", "![", "`", "```", "~~~", ">", "- ",
      "1. ", "2) ", "    ", "\t", "  \n", "\\", "&", "&lt;", "<a href=\"x\">", "</a>", "<br/>",
      "<!--", "-->", "<div>", "</div>", "[x]: /url", "[x]", "http://a.b", "<x@y.z>", "***",
      "---", "===", "é", "\u{FFFD}", "a\u{0}b", "\"", "'", "<?php ?>", "<![CDATA[ x ]]>", "| a |",
    ]
  static let separators = ["", " ", "\n", "\n\n", "\n> ", "\n- ", "\n  ", "\n1. ", "\n    "]

  /// A small deterministic generator (SplitMix64).
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  @Test func randomDocumentsMatchCmark() {
    var generator = Generator(state: 20_261_203)
    var mismatches = 0
    for _ in 0..<1500 {
      var markdown = ""
      for _ in 0..<(1 + generator.next(12)) {
        markdown += Self.fragments[generator.next(Self.fragments.count)]
        markdown += Self.separators[generator.next(Self.separators.count)]
      }
      let expected = CommonMark.referenceHTML(markdown)
      let actual = MarkdownHTML.render(CommonMark.parse(markdown), headingIDs: false)
      if actual != expected {
        mismatches += 1
        if mismatches <= 5 {
          Issue.record("mismatch for \(markdown.debugDescription):\n\(expected)\n---\n\(actual)")
        }
      }
    }
    #expect(mismatches == 0)
  }
}
