import Foundation

/// What the last successful build saw, kept in `output/.folio/state.json` so
/// an unchanged rebuild can stop at once and rewrite nothing.
struct BuildState: Codable {
  var fingerprint: InputFingerprint
  var editions: [String]

  static func url(in output: URL) -> URL { output.appendingPathComponent(".folio/state.json") }

  static func load(from output: URL) -> BuildState? {
    guard let data = FileManager.default.contents(atPath: url(in: output).path) else { return nil }
    return try? JSONDecoder().decode(BuildState.self, from: data)
  }

  func save(to output: URL) throws {
    let url = Self.url(in: output)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    try encoder.encode(self).write(to: url, options: .atomic)
  }
}

/// `output/build-summary.json`: the machine-readable record of a build for CI.
/// Its `timings` are the one part of the output that differs between identical builds.
struct BuildSummary: Encodable {
  struct Input: Encodable {
    var file: String
    var rows: Int
    var rejected: Int
    var bytes: Int
    var sha256: String
  }
  struct Timing: Encodable {
    var stage: String
    var seconds: Double
  }
  var status = "ok"
  var folio = SiteBuilder.folioVersion
  var editions: [String]
  var inputs: [Input]
  var warnings: [String]
  var pages: Int
  var rejectedRows: Int
  var timings: [Timing]

  init(
    editions: [String], inputs: [FileReport], warnings: [String], pages: Int, rejectedRows: Int,
    timings: [(stage: String, seconds: Double)]
  ) {
    self.editions = editions
    self.inputs = inputs.map {
      Input(file: $0.fileName, rows: $0.rowsAccepted, rejected: $0.rowsRejected, bytes: $0.bytes, sha256: $0.sha256)
    }
    self.warnings = warnings
    self.pages = pages
    self.rejectedRows = rejectedRows
    self.timings = timings.map { Timing(stage: $0.stage, seconds: ($0.seconds * 1000).rounded() / 1000) }
  }

  func write(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    try encoder.encode(self).write(to: url, options: .atomic)
  }
}
