import Dispatch
import Foundation
import Synchronization
import Testing

@testable import FolioKit

@Suite struct TemplateRenderTests {
  @Test func rowsSectionsAndSentences() throws {
    let template = try Template(
      source: """
        {{#rows}}
        - {{agency}}: {{ stability | pct:1 }}
        {{/rows}}
        {{^rows}}No data.{{/rows}}
        Worst: {{rows.0.agency}}.
        """, path: "insights.md")
    let context: TemplateValue = [
      "rows": [
        ["agency": "Tax", "stability": 97.25], ["agency": "Health & Care", "stability": 88.0],
      ]
    ]
    let out = try template.render(context)
    #expect(out == "- Tax: 97.3%\n- Health &amp; Care: 88.0%\n\nWorst: Tax.")
    #expect(try template.render(["rows": []]) == "No data.\nWorst: .")
  }

  @Test func collectsMissingNamesOnce() throws {
    let template = try Template(
      source: "{{title}}\n{{#rows}}{{agency_nmae}}{{/rows}}{{ x | default:- }}{{#nope}}{{/nope}}",
      path: "p.md", lineOffset: 3)
    let result = try template.renderReport(
      ["title": "T", "rows": [["agency_name": "a"], ["agency_name": "b"]]],
      options: RenderOptions(collectMissing: true))
    #expect(result.output == "T\n-")
    #expect(
      result.missing.map(\.description) == [
        "p.md:5:10: unknown name 'agency_nmae'; did you mean 'agency_name'?",
        "p.md:5:53: unknown name 'nope'",
      ])
    #expect(
      result.missing.first?.excerpt
        == "{{#rows}}{{agency_nmae}}{{/rows}}{{ x | default:- }}{{#nope}}{{/nope}}")
    // Off by default: nothing is collected.
    #expect(try template.renderReport(["title": "T"]).missing == [])
  }

  @Test func suggestsKeysWhereADottedNameBreaks() throws {
    let template = try Template(source: "{{page.titel}} {{page.title.x}} {{pgae.title}}", path: "t")
    let result = try template.renderReport(
      ["page": ["title": "T", "month": "2026-03"]], options: RenderOptions(collectMissing: true))
    #expect(result.missing.map(\.suggestion) == ["page.title", nil, "page"])
  }

  @Test func nullIsFoundNotMissing() throws {
    let template = try Template(source: "[{{v}}]", path: "t")
    let result = try template.renderReport(["v": nil], options: RenderOptions(collectMissing: true))
    #expect(result.output == "[]")
    #expect(result.missing == [])
  }

  @Test func valuesFromSwiftAndJSON() throws {
    let fromSwift = TemplateValue(
      any: [
        "n": 3, "d": 2.5, "s": "x", "b": true, "list": [1, "two"] as [Any], "nested": ["k": "v"],
        "none": nil as Any?,
      ] as [String: Any?])
    let fromJSON = try TemplateValue(
      json: #"{"n":3,"d":2.5,"s":"x","b":true,"list":[1,"two"],"nested":{"k":"v"},"none":null}"#)
    #expect(fromSwift == fromJSON)
    #expect(fromJSON["n"] == .int(3))
    #expect(fromJSON["b"] == .bool(true))
  }

  @Test func valuesFromPlainAnyDictionaries() throws {
    let row: [String: Any] = ["agency": "Tax", "n": 2, "share": 0.25, "flags": [true, false]]
    let value = TemplateValue(any: ["rows": [row, row]] as [String: Any])
    let template = try Template(
      source: "{{#rows}}{{agency}} {{n}} {{ share | pct:0 }};{{/rows}}", path: "t")
    #expect(try template.render(value) == "Tax 2 0%;Tax 2 0%;")
    #expect(
      TemplateValue(any: ["flags": [true, false]] as [String: Any])["flags"] == [true, false])
  }

  @Test func outputIsDeterministicWhateverTheKeyOrder() throws {
    let template = try Template(source: "{{#rows}}{{a}},{{b}},{{c}};{{/rows}}", path: "t")
    var first: String?
    for _ in 0..<20 {
      // Dictionaries are rebuilt each time, so their internal order may differ.
      var row: [String: TemplateValue] = [:]
      for key in ["c", "a", "b"].shuffled() { row[key] = .string(key.uppercased()) }
      let out = try template.render(["rows": .list([.object(row), .object(row)])])
      if let first { #expect(out == first) } else { first = out }
    }
    #expect(first == "A,B,C;A,B,C;")
  }

  @Test func rendersTheSameFromManyThreads() throws {
    let partials = try DictionaryPartialResolver(["row": "<li>{{name}} {{ v | pct:1 }}</li>\n"])
    let template = try Template(
      source: "<ul>\n{{#rows}}\n  {{> row}}\n{{/rows}}\n</ul>\n", path: "t")
    let rows = TemplateValue.list(
      (0..<200).map { ["name": .string("n\($0)"), "v": .double(Double($0) / 3)] })
    let expected = try template.render(["rows": rows], partials: partials)
    #expect(expected.hasPrefix("<ul>\n  <li>n0 0.0%</li>\n  <li>n1 0.3%</li>\n"))
    let results = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 16) { _ in
      let out = (try? template.render(["rows": rows], partials: partials)) ?? "error"
      results.withLock { $0.append(out) }
    }
    #expect(results.withLock { $0 }.count == 16)
    #expect(results.withLock { $0 }.allSatisfy { $0 == expected })
  }

  @Test func layoutInheritance() throws {
    let partials = try DictionaryPartialResolver([
      "base":
        "<html><title>{{$title}}Folio{{/title}}</title>\n<body>\n  {{$body}}\n  {{/body}}\n</body></html>\n"
    ])
    let page = try Template(
      source:
        "{{<base}}\n{{$title}}{{page.title}} · Folio{{/title}}\n{{$body}}\n<h1>{{page.title}}</h1>\n<p>Hi</p>\n{{/body}}\n{{/base}}\n",
      path: "p.html")
    #expect(
      try page.render(["page": ["title": "Costs"]], partials: partials)
        == "<html><title>Costs · Folio</title>\n<body>\n  <h1>Costs</h1>\n  <p>Hi</p>\n</body></html>\n"
    )
  }
}
