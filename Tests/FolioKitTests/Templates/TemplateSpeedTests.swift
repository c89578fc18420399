import Foundation
import Testing

@testable import FolioKit

@Suite struct TemplateSpeedTests {
  /// 200 pages of about 4 KB through one layout: compile each page and render it.
  /// The bound is loose (debug builds are slow); the printed time is the figure.
  @Test func twoHundredPagesCompileAndRender() throws {
    let layout = try DictionaryPartialResolver([
      "base":
        "<!doctype html>\n<html><head><title>{{$title}}Folio{{/title}}</title></head>\n<body>\n  {{> nav}}\n  <main>\n    {{$body}}{{/body}}\n  </main>\n</body></html>\n",
      "nav": "<nav>{{#pages}}<a href=\"{{href}}\">{{title}}</a> {{/pages}}</nav>\n",
    ])
    let paragraph =
      "Stability for {{agency}} was {{ stability | pct:1 }} in {{ month | month }}, with {{ requests | si }} requests & a cost of {{ cost | usd }}.\n\n"
    let body = String(repeating: paragraph, count: 4096 / paragraph.utf8.count)
    let context: TemplateValue = [
      "agency": "Tax & Revenue", "stability": 97.25, "month": "2026-03", "requests": 1_250_000,
      "cost": 15320.5,
      "pages": .list(
        (0..<10).map { ["href": .string("p\($0).html"), "title": .string("Page \($0)")] }),
    ]
    let start = DispatchTime.now().uptimeNanoseconds
    var bytes = 0
    for i in 0..<200 {
      let page = try Template(
        source: "{{<base}}{{$title}}Page \(i){{/title}}{{$body}}\n\(body){{/body}}{{/base}}\n",
        path: "pages/p\(i).md")
      bytes += try page.render(context, partials: layout).utf8.count
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
      "templates: 200 pages (\(bytes / 200) bytes each) compiled and rendered in \(String(format: "%.3f", seconds)) s"
    )
    #expect(bytes > 600_000)
    #expect(seconds < 10)
  }
}
