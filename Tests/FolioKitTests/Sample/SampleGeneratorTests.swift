import Foundation
import Testing

@testable import FolioKit

@Suite("SampleGenerator")
struct SampleGeneratorTests {
  static let repositoryData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")

  static func temporaryFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("folio-sample-\(name)-\(UUID().uuidString)")
  }

  /// The committed data/ must be exactly what the default generator writes.
  /// `FOLIO_RECORD_SAMPLE=1 swift test --filter SampleGenerator` rewrites it.
  @Test func committedDataMatchesDefaultGenerator() throws {
    if ProcessInfo.processInfo.environment["FOLIO_RECORD_SAMPLE"] == "1" {
      try SampleGenerator().write(to: Self.repositoryData)
    }
    let folder = Self.temporaryFolder("committed")
    defer { try? FileManager.default.removeItem(at: folder) }
    try SampleGenerator().write(to: folder)
    for name in SampleGenerator.fileNames {
      let fresh = try Data(contentsOf: folder.appendingPathComponent(name))
      let committed = try? Data(contentsOf: Self.repositoryData.appendingPathComponent(name))
      #expect(committed == fresh, "data/\(name) differs from SampleGenerator().write(to:); re-record with FOLIO_RECORD_SAMPLE=1")
    }
  }
}
