import Foundation
import Testing

@testable import FolioKit

@Suite struct FileSystemPartialResolverTests {
  /// A throwaway `templates/` folder with the given files.
  static func folder(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-templates-\(UUID().uuidString)/templates")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  @Test func findsPartialsAndLayouts() throws {
    let root = try Self.folder([
      "partials/nav.html": "<nav>{{#pages}}<a href=\"{{href}}\">{{title}}</a>{{/pages}}</nav>\n",
      "partials/cards/kpi.html": "<b>{{ v | pct:1 }}</b>",
      "layouts/base.html": "<body>\n  {{> nav}}\n{{$body}}{{/body}}</body>\n",
    ])
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let resolver = FileSystemPartialResolver(root: root)
    let page = try Template(
      source: "{{<base}}{{$body}}{{> cards/kpi}}\n{{/body}}{{/base}}", path: "p.md")
    let out = try page.render(
      ["pages": [["href": "a.html", "title": "A & B"]], "v": 12.34], partials: resolver)
    #expect(out == "<body>\n  <nav><a href=\"a.html\">A &amp; B</a></nav>\n<b>12.3%</b>\n</body>\n")
    #expect(resolver.knownNames(kind: .partial) == ["cards/kpi", "nav"])
    #expect(resolver.knownNames(kind: .parent) == ["base", "cards/kpi", "nav"])
  }

  @Test(arguments: ["../secret", "/etc/passwd", "a/../../x", "~/x", "a\\b", "", "./nav"])
  func refusesNamesThatLeaveTheFolder(name: String) throws {
    let root = try Self.folder(["partials/nav.html": "n", "secret.html": "s"])
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let resolver = FileSystemPartialResolver(root: root)
    #expect(throws: FolioError.self) { try resolver.template(named: name, kind: .partial) }
  }

  @Test func refusalPointsAtTheTag() throws {
    let root = try Self.folder(["partials/nav.html": "n"])
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let page = try Template(source: "x\n{{> ../x}}\n", path: "templates/pages/a.md")
    do {
      _ = try page.render([:], partials: FileSystemPartialResolver(root: root))
      Issue.record("no error")
    } catch {
      #expect(
        error.description == """
          templates/pages/a.md:2:1: partial name '../x' leaves the templates folder; write a name inside it, e.g. 'nav' for partials/nav.html
              {{> ../x}}
          """)
    }
  }

  @Test func missingPartialListsWhatExists() throws {
    let root = try Self.folder(["partials/nav.html": "n", "partials/footer.html": "f"])
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let page = try Template(source: "{{> header}}", path: "p.md")
    #expect(
      throws: FolioError(
        .render, "unknown partial 'header'; known: footer, nav", path: "p.md", line: 1, column: 1,
        excerpt: "{{> header}}")
    ) {
      try page.render([:], partials: FileSystemPartialResolver(root: root))
    }
  }

  @Test func errorsInsideAPartialNameItsFile() throws {
    let root = try Self.folder(["partials/card.html": "<div>\n  {{ v | pct3 }}\n</div>\n"])
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let page = try Template(source: "{{> card}}", path: "p.md")
    do {
      _ = try page.render([:], partials: FileSystemPartialResolver(root: root))
      Issue.record("no error")
    } catch {
      #expect(error.path == "templates/partials/card.html")
      #expect(error.line == 2)
      #expect(error.column == 3)
      #expect(error.message.hasPrefix("unknown filter 'pct3'; known: date, default"))
    }
  }
}
