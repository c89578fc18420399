import Foundation
import Testing

@testable import FolioKit

@Suite struct LinkCheckTests {
  @Test func findsBrokenMissingAndExternalReferences() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: dir.appendingPathComponent("style.css"))
    try Data(
      """
      <a href="sub/page.html#top">ok</a><link href="style.css"><a href="missing.html">x</a>
      <img src="https://example.org/a.png"><a href="/abs.html">y</a><a href="#here">z</a>
      """.utf8
    ).write(to: dir.appendingPathComponent("index.html"))
    try Data("<a href=\"../index.html\">up</a><a href=\"../../out.html\">out</a>".utf8)
      .write(to: dir.appendingPathComponent("sub/page.html"))
    let problems = try LinkChecker.check(root: dir).map(\.description)
    #expect(problems == [
      "index.html: missing.html: does not exist",
      "index.html: https://example.org/a.png: external request",
      "index.html: /abs.html: absolute path (breaks under a sub-path and from file://)",
      "sub/page.html: ../../out.html: leaves the site folder",
    ])
  }

  /// The sample report, built from the repository's own project: every link resolves.
  @Test func sampleReportHasNoBrokenLinks() throws {
    let root = TestProject.repositoryRoot
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    var options = BuildOptions(layout: ProjectLayout(root: root, output: out))
    options.quiet = true
    options.force = true
    let result = try SiteBuilder(options: options).run()
    #expect(result.pages > 0)
    let problems = try LinkChecker.check(root: out)
    #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
  }
}
