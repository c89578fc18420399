import Foundation
import Testing

@testable import FolioKit

/// `folio email` end to end on the sample project: build, write, parse back.
@Suite struct EmailCommandTests {
  @Test func sampleEditionBecomesAValidMessage() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("email-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tmp) }
    var command = EmailCommand(
      layout: ProjectLayout(root: TestProject.repositoryRoot, output: tmp.appendingPathComponent("output")),
      out: tmp.appendingPathComponent("report.eml"))
    command.to = ["Executives <execs@example.gov>"]
    command.subject = "Fiabilité — novembre"
    command.quiet = true
    let output = try command.run()
    let eml = try Data(contentsOf: tmp.appendingPathComponent("report.eml"))
    let root = try EmailParser.parse(eml)
    #expect(root.mediaType == "multipart/alternative")
    #expect(root.parts.map(\.mediaType) == ["text/plain", "multipart/related"])
    let related = root.parts[1]
    #expect(related.parameter("type") == "text/html")
    let html = String(decoding: output.message.html.utf8, as: UTF8.self)
    #expect(!html.contains("<svg"))
    #expect(!html.contains("data:"))
    // Every cid: in the HTML names an image part.
    let cids = Set(related.parts.compactMap { $0.header("Content-ID") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<>")) })
    var referenced: [String] = []
    var rest = Substring(html)
    while let r = rest.range(of: "src=\"cid:") {
      let tail = rest[r.upperBound...]
      referenced.append(String(tail.prefix { $0 != "\"" }))
      rest = tail
    }
    #expect(!referenced.isEmpty)
    #expect(Set(referenced).isSubset(of: cids))
    #expect(output.encodedHTMLBytes < 102_000)
    // Lines stay within RFC 5322's 998 characters, CRLF only.
    let text = String(decoding: eml, as: UTF8.self)
    #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
    #expect(EmailTestSupport.onlyCRLF(text))
    #expect(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("report.html").path))
  }

  @Test func noRecipientsIsAClearError() throws {
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("email-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: tmp) }
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    let emptyConfig = tmp.appendingPathComponent("folio.json")
    try Data("{}".utf8).write(to: emptyConfig)
    var command = EmailCommand(
      layout: ProjectLayout(
        root: TestProject.repositoryRoot, output: tmp.appendingPathComponent("output"), config: emptyConfig),
      out: tmp.appendingPathComponent("report.eml"))
    command.quiet = true
    let error = #expect(throws: FolioError.self) { try command.run() }
    #expect(error?.message == "no recipients: pass --to ADDR (repeatable) or set email.to in folio.json")
  }
}
