import Foundation
import Testing

@testable import FolioKit

/// Times parsing + rendering of 1,000 pages of about 4 KB. Opt-in (set
/// `FOLIO_MARKDOWN_BENCH=1`) and meant for a release build:
/// `FOLIO_MARKDOWN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter MarkdownBenchmark`
@Suite struct MarkdownBenchmarkTests {
  static func samplePage(_ number: Int) -> String {
    var page = "---\ntitle: Page \(number)\nnav_order: \(number)\n---\n# Page \(number)\n\n"
    var section = 0
    while page.utf8.count < 4000 {
      section += 1
      page += """
        ## Section \(section): *latency* & stability

        Agency \(number) reported a **stability score** of \(section).5 in the month, with
        [details](https://example.org/agency/\(number)?section=\(section) "Details") and
        `code spans`, plus a line break  
        and an image ![chart \(section)](chart-\(section).png).

        - first point with _emphasis_
        - second point with <span class="tag">inline html</span>
        - third point

        > A quoted remark about section \(section).

        1. step one
        2. step two


        """
    }
    return page
  }

  /// CPU seconds of this thread: unlike wall time, barely moved by other processes on a busy machine.
  static func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func measure(_ body: () throws -> Void) rethrows -> String {
    let start = ContinuousClock.now
    let cpuStart = cpuSeconds()
    try body()
    let cpu = cpuSeconds() - cpuStart
    let wall = ContinuousClock.now - start
    return String(format: "%.1f µs/page CPU (wall %@)", cpu * 1e6 / 1000, "\(wall)")
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["FOLIO_MARKDOWN_BENCH"] == "1"))
  func thousandPages() throws {
    let pages = (0..<1000).map(Self.samplePage)
    let bytes = pages.reduce(0) { $0 + $1.utf8.count }
    var total = 0
    let source = try Self.measure {
      for (index, page) in pages.enumerated() {
        total += try PageSource.parse(text: page, path: "p\(index).md").body.utf8.count
      }
    }
    let parse = Self.measure {
      for page in pages { total += CommonMark.parse(page).children.count }
    }
    let documents = pages.map(CommonMark.parse)
    let render = Self.measure {
      for document in documents { total += MarkdownHTML.render(document).utf8.count }
    }
    let both = Self.measure {
      for page in pages { total += MarkdownHTML.render(CommonMark.parse(page)).utf8.count }
    }
    let cmark = Self.measure {
      for page in pages { total += CommonMark.referenceHTML(page).utf8.count }
    }
    print(
      """
      markdown bench: 1000 pages, \(bytes / 1000) bytes each on average
        PageSource.parse (front matter + blocks): \(source)
        CommonMark.parse (Swift tree):            \(parse)
        MarkdownHTML.render:                      \(render)
        parse + render:                           \(both)
        cmark parse + cmark_render_html (C only): \(cmark)
      """)
    #expect(total > 0)
  }
}
