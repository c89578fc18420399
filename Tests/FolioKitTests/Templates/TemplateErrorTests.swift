import Testing

@testable import FolioKit

@Suite struct TemplateErrorTests {
  /// Broken template → the exact error a user reads (path:line:col, message, quoted line).
  @Test(arguments: [
    (
      "<p>\n{{#rows}}\n  {{name}}\n",
      "p.md:2:1: unclosed section 'rows' opened at line 2; add {{/rows}} where it should end\n    {{#rows}}"
    ),
    (
      "{{#a}}\n{{#b}}x{{/a}}",
      "p.md:2:8: closing tag 'a' does not match open section 'b' (line 2); expected {{/b}}\n    {{#b}}x{{/a}}"
    ),
    (
      "x {{/a}}",
      "p.md:1:3: closing tag 'a' has no open section; remove it or add {{#a}} before it\n    x {{/a}}"
    ),
    (
      "Rate: {{ rate | pct2 }}",
      "p.md:1:7: unknown filter 'pct2'; known: date, default, delta, deltapp, int, lower, month, ms, num, pct, si, slug, text, upper, usd\n    Rate: {{ rate | pct2 }}"
    ),
    (
      "{{ rate | pct:x }}",
      "p.md:1:1: filter 'pct:x' has a bad number of decimals; write pct or pct:1 (0 to 10)\n    {{ rate | pct:x }}"
    ),
    (
      "{{ name | default }}",
      "p.md:1:1: filter 'default' needs a text: write default:TEXT, e.g. default:n/a\n    {{ name | default }}"
    ),
    (
      "{{ name | upper:2 }}",
      "p.md:1:1: filter 'upper' takes no argument; write | upper\n    {{ name | upper:2 }}"
    ),
    (
      "{{#rows | pct}}x{{/rows}}",
      "p.md:1:1: filters are only allowed in value tags like {{ value | pct:1 }}, not in '{{#rows | pct}}'\n    {{#rows | pct}}x{{/rows}}"
    ),
    (
      "Hello {{name",
      "p.md:1:7: unclosed tag: '{{' has no matching '}}'\n    Hello {{name"
    ),
    (
      "Hello {{{name}}",
      "p.md:1:7: unclosed tag: '{{{' has no matching '}}}'\n    Hello {{{name}}"
    ),
    (
      "a\n  {{ }}",
      "p.md:2:3: empty tag '{{ }}': write a name, e.g. {{title}}\n      {{ }}"
    ),
    (
      "{{#}}{{/}}",
      "p.md:1:1: tag '{{#}}' has no name: write one, e.g. {{title}}\n    {{#}}{{/}}"
    ),
    (
      "{{agency name}}",
      "p.md:1:1: name 'agency name' in tag '{{agency name}}' contains a space; a name is one word or a dotted path like row.value\n    {{agency name}}"
    ),
    (
      "{{row..value}}",
      "p.md:1:1: bad name 'row..value' in tag '{{row..value}}': write a dotted path like row.value, or . for the current item\n    {{row..value}}"
    ),
    (
      "{{=<% =}}",
      "p.md:1:1: bad delimiter change '{{=<% =}}': write two delimiters separated by a space, e.g. {{=<% %>=}}\n    {{=<% =}}"
    ),
    (
      "{{<layout}}{{$body}}x{{/layout}}",
      "p.md:1:22: closing tag 'layout' does not match open section 'body' (line 1); expected {{/body}}\n    {{<layout}}{{$body}}x{{/layout}}"
    ),
    (
      "{{=<% %>=}}\n<%#rows%>",
      "p.md:2:1: unclosed section 'rows' opened at line 2; add <%/rows%> where it should end\n    <%#rows%>"
    ),
    (
      "Total: {{ n | usd }} in {{ région | money }}",
      "p.md:1:25: unknown filter 'money'; known: date, default, delta, deltapp, int, lower, month, ms, num, pct, si, slug, text, upper, usd\n    Total: {{ n | usd }} in {{ région | money }}"
    ),
  ])
  func brokenTemplate(source: String, expected: String) {
    do {
      _ = try Template(source: source, path: "p.md")
      Issue.record("no error for \(source.debugDescription)")
    } catch {
      #expect(error.description == expected)
      #expect(error.stage == .render)
    }
  }

  @Test func lineOffsetMakesLinesFileLines() {
    // A Markdown body that starts on line 6 of its file (after front matter).
    do {
      _ = try Template(source: "# T\n\n{{#rows}}", path: "templates/pages/x.md", lineOffset: 5)
      Issue.record("no error")
    } catch {
      #expect(error.line == 8)
      #expect(error.column == 1)
      #expect(
        error.message
          == "unclosed section 'rows' opened at line 8; add {{/rows}} where it should end")
      #expect(error.excerpt == "{{#rows}}")
    }
  }

  @Test func columnsCountCharactersNotBytes() throws {
    do {
      _ = try Template(source: "Région → {{x|nope}}", path: "p.md")
      Issue.record("no error")
    } catch {
      #expect(error.column == 10)
    }
  }

  @Test func unknownPartialIsAnErrorWithKnownNames() throws {
    let resolver = try DictionaryPartialResolver(["nav": "n", "footer": "f"])
    let page = try Template(source: "a\n  {{> navv}}\n", path: "p.md")
    #expect(
      throws: FolioError(
        .render, "unknown partial 'navv'; known: footer, nav", path: "p.md", line: 2, column: 3,
        excerpt: "  {{> navv}}")
    ) {
      try page.render([:], partials: resolver)
    }
    // The Mustache spec's behaviour on request: nothing.
    #expect(try page.render([:], partials: resolver, options: .mustache) == "a\n")
  }

  @Test func endlessRecursionStopsWithAClearError() throws {
    let resolver = try DictionaryPartialResolver(["loop": "x{{> loop}}"])
    let page = try Template(source: "{{> loop}}", path: "p.md")
    do {
      _ = try page.render([:], partials: resolver, options: RenderOptions(maxDepth: 10))
      Issue.record("no error")
    } catch {
      #expect(error.path == "loop")
      #expect(
        error.message
          == "partial 'loop' is nested more than 10 levels deep; a template probably includes itself without a section that ends the recursion"
      )
    }
  }

  @Test func partialSyntaxErrorsNameThePartial() throws {
    do {
      _ = try DictionaryPartialResolver(["card": "<div>\n{{#x}}</div>"])
      Issue.record("no error")
    } catch {
      #expect(error.description.hasPrefix("card:2:1: unclosed section 'x'"))
    }
  }
}
