import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the six raw input files of a data directory, checks them against `InputSchemas`, and
/// hands the valid rows to a `TableSink` (the store's raw tables).
public struct Ingest: Sendable {
  public var dataDirectory: URL
  /// How the directory is named in messages, e.g. `data`.
  public var displayPath: String
  public var dialect: CSVDialect
  public var policy: BadRowPolicy
  /// Problems kept per file before the rest are only counted ("... and N more").
  public var errorLimit: Int
  /// Bytes per read; tests make it tiny to split fields across reads.
  public var chunkSize: Int
  public var progress: (@Sendable (_ file: String, _ bytesRead: Int, _ totalBytes: Int) -> Void)?

  /// Creates an ingest run over `dataDirectory`.
  public init(
    dataDirectory: URL, displayPath: String, dialect: CSVDialect = .init(),
    policy: BadRowPolicy = .fail, errorLimit: Int = 50,
    progress: (@Sendable (_ file: String, _ bytesRead: Int, _ totalBytes: Int) -> Void)? = nil
  ) {
    self.dataDirectory = dataDirectory
    self.displayPath = displayPath
    self.dialect = dialect
    self.policy = policy
    self.errorLimit = Swift.max(1, errorLimit)
    self.chunkSize = 1 << 20
    self.progress = progress
  }

  /// Reads every input in load order; throws `FolioError` (structural) or `FolioErrors` (rows).
  public func run(into sink: TableSink) throws -> IngestReport {
    let fileManager = FileManager.default
    let present = InputSchemas.all.filter {
      fileManager.fileExists(atPath: dataDirectory.appendingPathComponent($0.fileName).path)
    }
    if present.isEmpty {
      return IngestReport(files: [], warnings: [], rejects: [], hasData: false)
    }
    if present.count < InputSchemas.all.count {
      let missing = InputSchemas.all.filter { s in !present.contains { $0.fileName == s.fileName } }
      throw FolioError(
        .ingest,
        "missing input file\(missing.count > 1 ? "s" : ""): "
          + missing.map(\.fileName).joined(separator: ", ")
          + " (a project has all six inputs or none)", path: displayPath)
    }
    let state = IngestState()
    var files: [FileReport] = []
    var rejects: [RejectedRows] = []
    for schema in InputSchemas.all {
      let (report, rejected) = try load(schema, state: state, sink: sink)
      files.append(report)
      if let rejected, !rejected.rows.isEmpty { rejects.append(rejected) }
    }
    return IngestReport(files: files, warnings: state.warnings, rejects: rejects, hasData: true)
  }

  private func load(_ schema: FileSchema, state: IngestState, sink: TableSink) throws -> (
    FileReport, RejectedRows?
  ) {
    let started = DispatchTime.now().uptimeNanoseconds
    let url = dataDirectory.appendingPathComponent(schema.fileName)
    let path = displayPath.isEmpty ? schema.fileName : "\(displayPath)/\(schema.fileName)"
    let fd = open(url.path, O_RDONLY)
    guard fd >= 0 else {
      throw FolioError(.ingest, "cannot open file: \(String(cString: strerror(errno)))", path: path)
    }
    defer { close(fd) }
    var info = stat()
    let total = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    let hasher = HashingCounter()
    let progress = self.progress
    let reader = CSVReader(dialect: dialect, chunkSize: chunkSize) { buffer in
      var got: Int
      repeat { got = read(fd, buffer.baseAddress, buffer.count) } while got < 0 && errno == EINTR
      guard got >= 0 else {
        throw FolioError(.ingest, "read error: \(String(cString: strerror(errno)))", path: path)
      }
      hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
      progress?(schema.fileName, hasher.bytes, total)
      return got
    }
    let loader = FileLoader(
      schema: schema, path: path, policy: policy, errorLimit: errorLimit, state: state)
    try loader.load(reader, into: sink)
    if !loader.errors.isEmpty { throw FolioErrors(loader.errors, omitted: loader.omitted) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let report = FileReport(
      fileName: schema.fileName, tableName: schema.tableName, rowsAccepted: loader.accepted,
      rowsRejected: loader.rejectedCount, bytes: hasher.bytes, sha256: hasher.hex(),
      modified: modified, parseSeconds: seconds)
    return (report, loader.rejects)
  }
}

/// SHA-256 and byte count of a file as it streams by.
///
/// Hashing runs on a second thread (the machine has two cores and SHA-256 costs about as much
/// as parsing): each chunk is copied and hashed in order on a serial queue; at most four
/// chunks wait, so memory stays bounded.
private final class HashingCounter: @unchecked Sendable {
  private var sha = SHA256()  // touched only on `queue`
  private let queue = DispatchQueue(label: "folio.ingest.sha256")
  private let slots = DispatchSemaphore(value: 4)
  private(set) var bytes = 0

  func update(_ chunk: UnsafeRawBufferPointer) {
    bytes += chunk.count
    let copy = [UInt8](chunk)
    slots.wait()
    queue.async {
      copy.withUnsafeBytes { self.sha.update($0) }
      self.slots.signal()
    }
  }

  func hex() -> String { queue.sync { sha.finalizeHex() } }
}
