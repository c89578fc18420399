import Testing

@testable import FolioKit

@Suite struct TemplateFilterTests {
  static let context: TemplateValue = [
    "rate": 12.345, "cost": -1500, "latency": 245.4, "requests": 1_250_000, "change": 1.25,
    "month": "2026-03", "day": "2026-03-04", "name": "São Paulo / Region 2", "empty": "",
    "nothing": nil, "count": 3, "big": 1_234_567.891, "text_number": "0.5",
  ]

  @Test(arguments: [
    ("{{ rate | pct:1 }}", "12.3%"),
    ("{{ rate | pct }}", "12.3%"),
    ("{{ cost | usd }}", "-$1,500"),
    ("{{ latency | ms }}", "245 ms"),
    ("{{ requests | si }}", "1.3M"),
    ("{{ change | deltapp:1 }}", "+1.3 pp"),
    ("{{ change | delta:2 }}", "+1.25"),
    ("{{ big | num:2 }}", "1,234,567.89"),
    ("{{ big | int }}", "1,234,568"),
    ("{{ month | month }}", "Mar 2026"),
    ("{{ day | date }}", "4 Mar 2026"),
    ("{{ text_number | pct:0 }}", "1%"),
    ("{{ name | slug }}", "sao-paulo-region-2"),
    ("{{ name | upper }}", "SÃO PAULO / REGION 2"),
    ("{{ name | lower }}", "são paulo / region 2"),
    ("{{ missing | default:n/a }}", "n/a"),
    ("{{ empty | default:none }}", "none"),
    ("{{ count | default:none }}", "3"),
    ("{{ nothing | pct:1 }}", "–"),
    ("{{ nothing | pct:1 | default:no data }}", "no data"),
    ("{{ nothing | default:0 | pct:1 }}", "0.0%"),
    ("{{ month | month | upper }}", "MAR 2026"),
    ("{{{ name | slug }}}", "sao-paulo-region-2"),
    ("{{& rate | pct:2 }}", "12.35%"),
  ])
  func filter(source: String, expected: String) throws {
    let template = try Template(source: source, path: "t")
    #expect(try template.render(Self.context) == expected)
  }

  @Test func filteredOutputIsStillEscaped() throws {
    let template = try Template(
      source: "{{ name | default:<none> }}|{{{ name | default:<none> }}}", path: "t")
    #expect(try template.render([:]) == "&lt;none&gt;|<none>")
  }

  @Test(arguments: [
    (TemplateValue.int(85), "85"),
    (.double(85.0), "85"),
    (.double(1.21), "1.21"),
    (.double(0.1 + 0.2), "0.3"),
    (.double(-2.5), "-2.5"),
    (.double(1e20), "1e+20"),
    (.double(123_456.789), "123456.789"),
    (.bool(true), "true"),
    (.null, ""),
    (.list([1, 2]), ""),
  ])
  func numbersPrintCleanly(value: TemplateValue, expected: String) throws {
    let template = try Template(source: "{{v}}", path: "t")
    #expect(try template.render(["v": value]) == expected)
  }

  @Test func escapesTheFiveHTMLCharacters() throws {
    let template = try Template(source: "{{v}}|{{{v}}}|{{& v}}", path: "t")
    #expect(
      try template.render(["v": "<a href=\"x\">Tom & Jerry's</a>"])
        == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;|<a href=\"x\">Tom & Jerry's</a>|<a href=\"x\">Tom & Jerry's</a>"
    )
  }

  @Test(arguments: [
    (TemplateValue.null, false), (.bool(false), false), (.list([]), false), (.string(""), false),
    (.int(0), true), (.double(0), true), (.string("0"), true), (.object([:]), true),
    (.list([nil]), true),
  ])
  func truthiness(value: TemplateValue, truthy: Bool) throws {
    let template = try Template(source: "{{#v}}yes{{/v}}{{^v}}no{{/v}}", path: "t")
    #expect(try template.render(["v": value]) == (truthy ? "yes" : "no"))
  }
}

@Suite struct TemplateEscapingTests {
  @Test func markdownEscapingNeutralisesMarkdownSyntax() throws {
    let template = try Template(source: "Top: {{name}} ({{{name}}})", path: "t")
    let out = try template.render(
      ["name": "*A* & [b](c) | `d` #1_x!"], options: RenderOptions(escaping: .markdown))
    #expect(
      out
        == "Top: &#42;A&#42; &amp; &#91;b&#93;(c) &#124; &#96;d&#96; &#35;1&#95;x&#33; (*A* & [b](c) | `d` #1_x!)"
    )
  }
}
