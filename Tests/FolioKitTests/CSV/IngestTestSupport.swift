import Foundation

@testable import FolioKit

/// A sink that keeps every table and row it is given.
final class RecordingSink: TableSink {
  var tables: [(schema: FileSchema, rows: [[CellValue]])] = []
  var ended = 0
  func beginTable(_ schema: FileSchema) throws { tables.append((schema, [])) }
  func insertRow(_ values: [CellValue]) throws { tables[tables.count - 1].rows.append(values) }
  func endTable() throws { ended += 1 }

  func rows(_ table: String) -> [[CellValue]] {
    tables.first { $0.schema.tableName == table }?.rows ?? []
  }
}

/// A throwaway data directory: the valid fixture set with some files replaced or removed.
enum IngestFixture {
  static let validDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/CSV/valid")

  static func valid(_ file: String) -> String {
    (try? String(contentsOf: validDirectory.appendingPathComponent(file), encoding: .utf8)) ?? ""
  }

  /// The valid file with `lines` appended.
  static func appending(_ file: String, _ lines: String...) -> (String, [UInt8]?) {
    (file, Array((valid(file) + lines.map { $0 + "\n" }.joined()).utf8))
  }

  static func replacing(_ file: String, _ text: String) -> (String, [UInt8]?) {
    (file, Array(text.utf8))
  }

  /// Writes the data directory; a nil override removes the file.
  static func directory(_ overrides: [(String, [UInt8]?)]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("folio-csv-tests-\(UUID().uuidString)/data")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for schema in InputSchemas.all {
      try FileManager.default.copyItem(
        at: validDirectory.appendingPathComponent(schema.fileName),
        to: dir.appendingPathComponent(schema.fileName))
    }
    for (file, bytes) in overrides {
      let url = dir.appendingPathComponent(file)
      try? FileManager.default.removeItem(at: url)
      if let bytes { try Data(bytes).write(to: url) }
    }
    return dir
  }

  static func run(
    _ overrides: [(String, [UInt8]?)] = [], policy: BadRowPolicy = .fail, errorLimit: Int = 50,
    chunkSize: Int? = nil
  ) throws -> (IngestReport, RecordingSink) {
    let dir = try directory(overrides)
    defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
    var ingest = Ingest(dataDirectory: dir, displayPath: "data", policy: policy, errorLimit: errorLimit)
    if let chunkSize { ingest.chunkSize = chunkSize }
    let sink = RecordingSink()
    return (try ingest.run(into: sink), sink)
  }

  /// The problems a run reports, as `location: message` lines (empty when it succeeds).
  static func problems(_ overrides: [(String, [UInt8]?)], policy: BadRowPolicy = .fail) -> [String] {
    do {
      _ = try run(overrides, policy: policy)
      return []
    } catch let error as FolioErrors {
      return error.errors.map { "\($0.location): \($0.message)" }
    } catch let error as FolioError {
      return ["\(error.location): \(error.message)"]
    } catch {
      return ["unexpected \(error)"]
    }
  }
}
