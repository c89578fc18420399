import Foundation
import Testing

@testable import FolioKit

@Suite(
  "Email edition",
  .enabled(
    if: SVGRasterizer.findTool() != nil,
    "rsvg-convert (librsvg2-bin) is not installed; the email edition cannot draw charts"))
struct EmailEditionTests {
  func edition(
    webURL: String? = "https://reports.example.org/folio/2026-11/",
    limit: Int = EmailEdition.defaultHTMLLimit
  ) -> EmailEdition {
    EmailEdition(
      html: EmailHTML(title: "Folio report", edition: "Edition Nov 2026", webURL: webURL),
      from: "Folio <reports@example.org>", to: ["cio@example.org", "cto@example.org"],
      subject: "Fiabilité — novembre 2026", date: Date(timeIntervalSince1970: 1_796_315_298),
      htmlLimit: limit)
  }

  func fragments() throws -> [String] {
    [try EmailTestSupport.fixture("overview.html"), try EmailTestSupport.fixture("insights.html")]
  }

  @Test func emlParsesBackWithResolvedImages() throws {
    let output = try edition().render(fragments: try fragments())
    let root = try EmailParser.parse(output.eml)
    #expect(root.parts.map(\.mediaType) == ["text/plain", "multipart/related"])
    let related = root.parts[1]
    #expect(related.parameter("type") == "text/html")
    let html = related.parts[0].decodedText
    let images = related.parts.dropFirst()
    // One line chart plus one sparkline (the two identical sparklines share a part).
    #expect(images.count == 2)
    let cids = Set(
      images.compactMap { $0.header("Content-ID") }.map { String($0.dropFirst().dropLast()) })
    let referenced = Set(
      html.components(separatedBy: "src=\"cid:").dropFirst().map {
        String($0.prefix { $0 != "\"" })
      })
    #expect(referenced == cids)
    for image in images {
      #expect(image.mediaType == "image/png")
      #expect(image.decodedBody.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }
    #expect(html.contains("<img style=") == false)  // attributes keep their order: class-less img with src first
    #expect(
      html.contains(
        "src=\"cid:chart-1@folio\" width=\"600\" height=\"300\" alt=\"Stability score, trailing 24 months\""
      ))
    let text = String(decoding: output.eml, as: UTF8.self)
    #expect(EmailTestSupport.onlyCRLF(text))
    #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    #expect(MIMEHeader.decode(root.header("Subject") ?? "") == "Fiabilité — novembre 2026")
  }

  @Test func htmlIsBuiltForMailClients() throws {
    let html = try edition().render(fragments: try fragments()).message.html
    for banned in [
      "<svg", "data:", "<script", "<style", "<link", "<details", "class=\"", "Download data",
      "tracker.example", "var(--", "<figure",
    ] {
      #expect(!html.contains(banned), "email HTML contains \(banned)")
    }
    #expect(html.contains("<table class") == false)
    #expect(html.contains("width=\"640\""))
    #expect(html.contains("style=\"width:640px;max-width:640px"))
    // Cards became table cells, two to a row; colours inlined.
    #expect(
      html.contains(
        "<td width=\"49%\" style=\"width:49%;vertical-align:top;padding:12px 14px;background-color:#f6f7f9"
      ))
    #expect(html.contains("color:#b42318"))
    // Relative links resolve against the web edition; fragment links become text.
    #expect(html.contains("href=\"https://reports.example.org/folio/2026-11/agency/health.html\""))
    #expect(html.contains("href=\"https://reports.example.org/folio/2026-11/index.html\""))
    #expect(!html.contains("#top"))
    #expect(html.contains(">logo<") || html.contains(">logo "))
    // Entities survive: data text stays escaped.
    #expect(html.contains("Tax &amp; Customs"))
    // No image or stylesheet is fetched from anywhere.
    #expect(!html.contains("src=\"http"))
  }

  @Test func withoutWebURLRelativeLinksBecomeText() throws {
    let html = try edition(webURL: nil).render(fragments: try fragments()).message.html
    #expect(!html.contains("href=\"agency/"))
    #expect(html.contains("Health"))
    #expect(!html.contains("Read the full report"))
  }

  @Test func plainTextReadsOnItsOwn() throws {
    let text = try edition().render(fragments: try fragments()).message.text
    #expect(text.hasPrefix("Folio report — Edition Nov 2026\n===============================\n"))
    #expect(text.contains("Executive Overview\n=================="))
    #expect(text.contains("Stability score: 95.8 (▼ -0.5 vs last month; ✓ meets target 85.0)"))
    #expect(
      text.contains(
        "Avg latency: 269 ms (▼ -12 ms vs last month)\nError rate: 0.52% (▲ +0.04 pp vs last month)\nMonthly cost: $1.2M\n"
      ))
    #expect(text.contains("[Chart: Stability score, trailing 24 months] Line chart of one series"))
    #expect(
      text.contains("- Auto-scaling for Tax & Customs: peak latency 812 ms, 3.1× the non-peak"))
    #expect(text.contains("Top risk services\nService     Risk  Trend\n"))
    #expect(text.contains("Tax portal  61.2"))
    #expect(
      text.contains(
        "(see Health\n<https://reports.example.org/folio/2026-11/agency/health.html> and top)"))
    #expect(text.contains("https://reports.example.org/folio/2026-11/index.html"))
    #expect(!text.contains("alert(1)"))
    #expect(!text.contains("Data table"))
    for line in text.split(separator: "\n") where !line.contains("http") {
      #expect(line.count <= 72, "long line: \(line)")
    }
  }

  @Test func mainContentIsCutFromAWholePage() throws {
    let page =
      "<!DOCTYPE html><html><body><nav>n</nav><main class=\"page\" id=\"main\">\n<h1>T</h1>\n</main><footer>f</footer></body></html>"
    #expect(EmailHTML.mainContent(of: page) == "\n<h1>T</h1>\n")
    #expect(EmailHTML.mainContent(of: "<p>no main</p>") == nil)
  }

  @Test func networkFetchingAttributesAreRemoved() throws {
    let html = try edition().render(fragments: [
      "<p style=\"background:url(https://x.example/a.png)\" background=\"b.png\">t</p>"
    ]).message.html
    #expect(!html.contains("url("))
    #expect(!html.contains("b.png"))
    #expect(html.contains(">t</p>"))
  }

  /// Every chart type the engine draws (nested small-multiple panels included)
  /// survives the trip to PNG and leaves no SVG behind.
  @Test func everyChartTypeRasterises() throws {
    let months = ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
    let series = ["Health", "Tax"].map { name in
      ChartSeries(
        name: name,
        points: months.enumerated().map {
          ChartPoint(x: .parse($1), y: Double($0 * 3 + name.count))
        })
    }
    var options = ChartOptions()
    options.title = "Breaches & latency <by agency>"
    var svgs = Chart.typeNames.compactMap {
      Chart(type: $0, series: series, options: options)?.render()
    }
    svgs.append(SmallMultiples(kind: .line, splitting: series, options: options).svg())
    let fragment = svgs.map { "<figure class=\"chart\">" + $0 + "</figure>" }.joined(
      separator: "\n")
    let output = try edition().render(fragments: [fragment])
    #expect(!output.message.html.contains("<svg"))
    #expect(output.message.images.count >= 6)
    #expect(output.message.html.contains("alt=\"Breaches &amp; latency &lt;by agency&gt;\""))
    for image in output.message.images {
      #expect(image.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
    let root = try EmailParser.parse(output.eml)
    #expect(root.parts[1].parts.count == output.message.images.count + 1)
  }

  @Test func outputIsDeterministic() throws {
    let a = try edition().render(fragments: try fragments())
    let b = try edition().render(fragments: try fragments())
    #expect(a.eml == b.eml)
    #expect(a.previewHTML == b.previewHTML)
  }

  @Test func tooLargeHTMLIsAClearError() throws {
    let big =
      try fragments() + [
        String(
          repeating:
            "<p class=\"lead\">Padding paragraph to grow the email beyond Gmail's clipping limit.</p>\n",
          count: 1500)
      ]
    do {
      _ = try edition().render(fragments: big)
      Issue.record("expected the size check to fail")
    } catch let error as FolioError {
      #expect(error.stage == .email)
      #expect(error.message.contains("over the 102000-byte limit"))
    }
    let normal = try edition().render(fragments: try fragments())
    #expect(normal.encodedHTMLBytes < EmailEdition.defaultHTMLLimit)
    #expect(normal.encodedHTMLBytes == normal.message.encodedHTML.utf8.count)
  }

  /// Set FOLIO_EMAIL_SAMPLE_OUT=/some/dir to keep the written sample for a look in a browser or mail client.
  @Test func writesEmlPreviewAndImages() throws {
    let keep = ProcessInfo.processInfo.environment["FOLIO_EMAIL_SAMPLE_OUT"]
    let dir =
      keep.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "folio-email-\(UUID().uuidString)")
    defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
    let url = dir.appendingPathComponent("report.eml")
    let output = try edition().write(fragments: try fragments(), eml: url)
    #expect(try Data(contentsOf: url) == output.eml)
    let preview = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!preview.contains("cid:"))
    #expect(preview.contains("src=\"report-images/chart-1.png\""))
    let png = try Data(contentsOf: dir.appendingPathComponent("report-images/chart-1.png"))
    #expect(png == output.message.images[0].png)
  }
}
