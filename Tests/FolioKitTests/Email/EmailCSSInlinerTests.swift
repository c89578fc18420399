import Foundation
import Testing

@testable import FolioKit

@Suite("Email CSS inliner and tokenizer")
struct EmailCSSInlinerTests {
  @Test func tokenizerRoundTripsFolioOutput() throws {
    let html = try EmailTestSupport.fixture("overview.html")
    let nodes = HTMLTokenizer.parse(html)
    #expect(HTMLTokenizer.serialize(nodes) == html)
    let svgs = nodes.flatMap(Self.svgNodes)
    #expect(svgs.count == 1)
    #expect(svgs.first?.hasPrefix("<svg") == true && svgs.first?.hasSuffix("</svg>") == true)
  }

  static func svgNodes(_ node: HTMLNode) -> [String] {
    switch node {
    case .svg(let s): return [s]
    case .element(let e): return e.children.flatMap(svgNodes)
    default: return []
    }
  }

  @Test func tokenizerHandlesVoidsEntitiesNestedSvgAndStrayTags() {
    let html =
      "<p>a &amp; b<br>c<img src=\"x.png\" alt=\"&quot;q&quot;\"></p></div><svg viewBox=\"0 0 1 1\"><svg x=\"1\"><rect/></svg><title>T</title></svg><p>after</p>"
    let nodes = HTMLTokenizer.parse(html)
    #expect(nodes.count == 3)
    guard case .element(let p) = nodes[0] else {
      Issue.record("expected <p>")
      return
    }
    #expect(p.children.count == 4)
    #expect(p.textContent == "a & bc")
    guard case .element(let img) = p.children[3] else {
      Issue.record("expected <img>")
      return
    }
    #expect(img.attribute("alt") == "\"q\"")
    #expect(
      nodes[1] == .svg("<svg viewBox=\"0 0 1 1\"><svg x=\"1\"><rect/></svg><title>T</title></svg>"))
    // The stray </div> is dropped, nothing else is lost.
    #expect(HTMLTokenizer.serialize(nodes) == html.replacingOccurrences(of: "</div>", with: ""))
  }

  @Test func cascadeBySpecificityThenSourceOrderInlineWins() {
    let css = """
      /* comment { color: red } */
      p { color: black; margin: 0 }
      .note { color: gray }
      p.note { font-weight: 700 }
      .box .note { color: blue }
      p { color: green }
      @media (max-width: 600px) { .note { color: pink } }
      @font-face { font-family: X; src: url(x.woff) }
      @import url("x.css");
      a:hover, .note { padding: 1px }
      .box > p { border: 0 }
      div[hidden] { display: none }
      """
    let inliner = CSSInliner(css: css)
    let out = inliner.inline(
      "<div class=\"box\"><p class=\"note\" style=\"margin: 4px\">x</p></div><p class=\"note\">y</p><section class=\"box\"><div><p>z</p></div></section>"
    )
    #expect(
      out
        == "<div><p style=\"color:blue;margin:4px;padding:1px;font-weight:700;border:0\">x</p></div><p style=\"color:gray;margin:0;padding:1px;font-weight:700\">y</p><section><div><p style=\"color:green;margin:0\">z</p></div></section>"
    )
  }

  @Test func importantBeatsInlineAndClassesCanBeKept() {
    let out = CSSInliner(css: ".a { color: red !important; margin: 1px }", keepClasses: true)
      .inline("<span class=\"a b\" style=\"color: blue; margin: 2px\">x</span>")
    #expect(out == "<span class=\"a b\" style=\"margin:2px;color:red\">x</span>")
  }

  @Test func svgAndVoidElementsAreSafe() {
    let out = CSSInliner(css: "rect { fill: red } img { border: 0 } br { clear: both }")
      .inline(
        "<svg viewBox=\"0 0 2 2\"><rect class=\"r\"/></svg><img src=\"cid:x\" alt=\"a &amp; b\"><br>t"
      )
    #expect(
      out
        == "<svg viewBox=\"0 0 2 2\"><rect class=\"r\"/></svg><img src=\"cid:x\" alt=\"a &amp; b\" style=\"border:0\"><br style=\"clear:both\">t"
    )
  }

  @Test func attributeValuesFromDataAreReEscaped() {
    let out = CSSInliner(css: "p { color: red }").inline(
      "<p title=\"&lt;script&gt; &quot;x&quot;\">t</p>")
    #expect(out == "<p title=\"&lt;script&gt; &quot;x&quot;\" style=\"color:red\">t</p>")
  }
}
