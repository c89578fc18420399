import Foundation

/// Content hashes of every input of a build, grouped so a rebuild can tell
/// what changed: nothing (skip), only templates or assets (re-render), or data.
public struct InputFingerprint: Codable, Sendable, Equatable {
  /// One input file: its path and SHA-256, with size and mtime to skip re-hashing.
  public struct File: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var modified: Double
    public var sha256: String
  }

  public var data: [File] = []
  public var pipeline: [File] = []
  public var config: [File] = []
  public var templates: [File] = []
  public var assets: [File] = []
  /// Command-line settings that change the result (edition, bad-row policy, tool version).
  public var settings: [String] = []

  /// True when the database would come out the same.
  public func sameDatabase(as other: InputFingerprint) -> Bool {
    data == other.data && pipeline == other.pipeline && config == other.config
      && settings == other.settings
  }

  /// Hashes the project's inputs, reusing `previous` hashes of files whose size and mtime match.
  public static func compute(
    layout: ProjectLayout, settings: [String], previous: InputFingerprint?
  ) throws -> InputFingerprint {
    var known: [String: File] = [:]
    for f in previous?.allFiles ?? [] { known[f.path] = f }
    func scan(_ dir: URL, suffix: String? = nil) throws -> [File] {
      try files(under: dir).filter { suffix == nil || $0.hasSuffix(suffix!) }.map {
        try file(dir.appendingPathComponent($0), layout: layout, known: known)
      }
    }
    var fp = InputFingerprint()
    fp.data = try scan(layout.data, suffix: ".csv")
    fp.pipeline = try scan(layout.pipeline, suffix: ".sql")
    if FileManager.default.fileExists(atPath: layout.config.path) {
      fp.config = [try file(layout.config, layout: layout, known: known)]
    }
    fp.templates = try scan(layout.templates)
    fp.assets = try scan(layout.assets)
    fp.settings = settings
    return fp
  }

  var allFiles: [File] { data + pipeline + config + templates + assets }

  /// Relative paths of the regular files below `dir`, in byte order; none when
  /// it is missing. Hidden entries and symbolic links are skipped. Walked with
  /// readdir/lstat: Foundation's enumerator costs several calls per file, and
  /// a thousand-page site is walked on every build.
  public static func files(under dir: URL) throws -> [String] {
    var result: [String] = []
    let base = dir.path
    func walk(_ relative: String) {
      guard let handle = opendir(relative.isEmpty ? base : base + "/" + relative) else { return }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
        if name.hasPrefix(".") { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        var info = stat()
        guard lstat(base + "/" + child, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: walk(child)
        case S_IFREG: result.append(child)
        default: break
        }
      }
    }
    walk("")
    return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  static func file(_ url: URL, layout: ProjectLayout, known: [String: File]) throws -> File {
    let path = layout.display(url)
    var info = stat()
    guard stat(url.path, &info) == 0 else {
      throw FolioError(.config, "cannot read file: \(String(cString: strerror(errno)))", path: path)
    }
    let bytes = Int(info.st_size)
    let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    if let old = known[path], old.bytes == bytes, old.modified == modified { return old }
    return File(path: path, bytes: bytes, modified: modified, sha256: try hash(url))
  }

  /// SHA-256 of a file, read in 1 MiB chunks.
  static func hash(_ url: URL) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw FolioError(.config, "cannot read file", path: url.path)
    }
    defer { try? handle.close() }
    var sha = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      chunk.withUnsafeBytes { sha.update($0) }
    }
    return sha.finalizeHex()
  }
}
