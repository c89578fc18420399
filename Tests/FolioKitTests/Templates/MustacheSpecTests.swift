import Foundation
import Testing

@testable import FolioKit

/// The official Mustache spec, read from `../shared/conformance/mustache/`
/// beside the repository (never copied into it).
enum MustacheSpec {
  /// `../shared/conformance/mustache` from the repository root; a git worktree
  /// kept one level deeper (`wt/NAME`) finds it by walking further up.
  static let folder: URL = {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Templates
      .deletingLastPathComponent()  // FolioKitTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // repository root
    var parent = root.deletingLastPathComponent()
    let wanted = "shared/conformance/mustache"
    for _ in 0..<3 {
      let candidate = parent.appendingPathComponent(wanted)
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      parent = parent.deletingLastPathComponent()
    }
    return root.deletingLastPathComponent().appendingPathComponent(wanted)
  }()

  static var available: Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent("interpolation.json").path)
  }

  struct File: Decodable {
    var tests: [Case]
  }

  struct Case: Decodable {
    var name: String
    var data: TemplateValue
    var template: String
    var partials: [String: String]?
    var expected: String
  }

  /// Runs every case of one module; returns "name: got … expected …" for each failure.
  static func failures(module: String) throws -> (count: Int, failures: [String]) {
    let data = try Data(contentsOf: folder.appendingPathComponent("\(module).json"))
    let file = try JSONDecoder().decode(File.self, from: data)
    var failures: [String] = []
    for test in file.tests {
      do {
        let resolver = try DictionaryPartialResolver(test.partials ?? [:])
        let template = try Template(source: test.template, path: test.name)
        let got = try template.render(test.data, partials: resolver, options: .mustache)
        if got != test.expected {
          failures.append(
            "\(module) / \(test.name): got \(got.debugDescription), expected \(test.expected.debugDescription)"
          )
        }
      } catch {
        failures.append("\(module) / \(test.name): threw \(error)")
      }
    }
    return (file.tests.count, failures)
  }
}

@Suite struct MustacheSpecTests {
  @Test(
    .enabled(
      if: MustacheSpec.available,
      "Mustache spec folder ../shared/conformance/mustache is absent: spec tests skipped"),
    arguments: ["interpolation", "sections", "inverted", "comments", "partials", "delimiters"])
  func requiredModule(_ module: String) throws {
    let result = try MustacheSpec.failures(module: module)
    #expect(result.count > 0)
    #expect(result.failures == [], "\(result.failures.count) of \(result.count) failed")
  }

  @Test(
    .enabled(
      if: MustacheSpec.available,
      "Mustache spec folder ../shared/conformance/mustache is absent: spec tests skipped"))
  func inheritanceModule() throws {
    let result = try MustacheSpec.failures(module: "~inheritance")
    #expect(result.count > 0)
    #expect(result.failures == [], "\(result.failures.count) of \(result.count) failed")
  }
}
