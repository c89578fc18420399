import Foundation
import Testing

@testable import FolioKit

/// Loads every page of the sample edition in headless Chromium, served by a
/// throw-away HTTP server on 127.0.0.1 under a sub-path, and fails on a load
/// error, a request the server could not answer, or a page without content.
@Suite(.serialized) struct BrowserTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: chromium != nil, "SKIPPED LOUDLY: Chromium is not installed (make test installs it with apt-get); the real-browser check did not run"))
  func everyPageLoadsInChromiumUnderASubPath() throws {
    let chromium = try #require(Self.chromium)
    let serveRoot = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: serveRoot) }
    let out = serveRoot.appendingPathComponent("shares/reports")
    var options = BuildOptions(layout: ProjectLayout(root: TestProject.repositoryRoot, output: out))
    options.quiet = true
    options.force = true
    let result = try SiteBuilder(options: options).run()
    let edition = try #require(result.editions.first)

    let server = try LocalServer(root: serveRoot)
    defer { server.stop() }
    let pages = try InputFingerprint.files(under: out.appendingPathComponent(edition)).filter { $0.hasSuffix(".html") }
    #expect(!pages.isEmpty)
    for page in pages + ["../index.html"] {
      let url = "http://127.0.0.1:\(server.port)/shares/reports/\(edition)/\(page)"
      let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--timeout=20000", "--dump-dom", url])
      #expect(dom.status == 0, "\(page): Chromium exited with \(dom.status)")
      let text = dom.output.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(dom.output.contains("</main>") && text.count > 100, "\(page): blank render (\(text.count) characters of text)")
    }
    let failed = server.log().split(separator: "\n").filter {
      ($0.contains("\" 404 ") || $0.contains("\" 500 ")) && !$0.contains("GET /favicon.ico")  // the browser asks for it unprompted
    }
    #expect(failed.isEmpty, "requests that failed:\n\(failed.joined(separator: "\n"))")
  }

  func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

/// `python3 -m http.server` on a free loopback port, its request log kept in a file.
final class LocalServer {
  let process = Process()
  let port: Int
  let logURL: URL

  init(root: URL) throws {
    logURL = root.appendingPathComponent("server.log")
    _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
    port = 20000 + Int(ProcessInfo.processInfo.processIdentifier % 20000)
    // Debian's interpreter directly: a version-manager shim would outlive terminate().
    let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
    process.arguments = ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root.path]
    let log = try FileHandle(forWritingTo: logURL)
    process.standardError = log
    process.standardOutput = log
    try process.run()
    // Wait until it answers (at most ~5 s).
    for _ in 0..<50 {
      if (try? String(contentsOf: logURL, encoding: .utf8))?.isEmpty == false || canConnect() { return }
      Thread.sleep(forTimeInterval: 0.1)
    }
  }

  func canConnect() -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
  }

  func log() -> String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

  func stop() {
    // SIGKILL: the test process may hand its children a mask that blocks SIGTERM.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}
