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
    try compute(layout: layout, settings: settings, previous: previous, keeping: nil)
  }

  /// As above; template files it reads to hash go into `cache` for the renderer.
  static func compute(
    layout: ProjectLayout, settings: [String], previous: InputFingerprint?, keeping cache: SourceCache?
  ) throws -> InputFingerprint {
    var known: [String: File] = [:]
    for f in previous?.allFiles ?? [] { known[f.path] = f }
    func scan(_ dir: URL, suffix: String? = nil, cache: SourceCache? = nil) throws -> [File] {
      let base = dir.path
      return try entries(under: base).filter { suffix == nil || $0.path.hasSuffix(suffix!) }.map {
        let path = base + "/" + $0.path
        let display = layout.display(path: path)
        if let old = known[display], old.bytes == $0.bytes, old.modified == $0.modified { return old }
        return File(
          path: display, bytes: $0.bytes, modified: $0.modified,
          sha256: try hash(path, display: display, bytes: $0.bytes, cache: cache))
      }
    }
    var fp = InputFingerprint()
    fp.data = try scan(layout.data, suffix: ".csv")
    fp.pipeline = try scan(layout.pipeline, suffix: ".sql")
    let configPath = layout.config.path
    var info = stat()
    if stat(configPath, &info) == 0 {
      let entry = Entry(path: configPath, stat: info)
      let display = layout.display(path: configPath)
      if let old = known[display], old.bytes == entry.bytes, old.modified == entry.modified {
        fp.config = [old]
      } else {
        let sha = try hash(configPath, display: display, bytes: entry.bytes, cache: nil)
        fp.config = [File(path: display, bytes: entry.bytes, modified: entry.modified, sha256: sha)]
      }
    }
    fp.templates = try scan(layout.templates, cache: cache)
    fp.assets = try scan(layout.assets)
    fp.settings = settings
    return fp
  }

  var allFiles: [File] { data + pipeline + config + templates + assets }

  /// A regular file found by `entries(under:)`: its relative path, size and mtime.
  struct Entry {
    var path: String
    var bytes: Int
    var modified: Double

    init(path: String, stat info: stat) {
      self.path = path
      bytes = Int(info.st_size)
      modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }
  }

  /// Relative paths of the regular files below `dir`, in byte order; none when
  /// it is missing. Hidden entries and symbolic links are skipped. Walked with
  /// readdir's file types and no stat at all: Foundation's enumerator costs
  /// several calls per file, and a thousand-page site is walked on every build.
  public static func files(under dir: URL) throws -> [String] {
    walkFiles(under: dir.path)
  }

  /// As `files(under:)`, for a path string.
  static func walkFiles(under path: String) -> [String] {
    walk(path, stat: false).map(\.path)
  }

  /// The regular files below `base` with their lstat size and mtime (one
  /// fstatat per file, relative to the open folder), in byte order.
  static func entries(under base: String) -> [Entry] {
    walk(base, stat: true)
  }

  private static func walk(_ base: String, stat wantInfo: Bool) -> [Entry] {
    var result: [Entry] = []
    func walk(_ relative: String) {
      guard let handle = opendir(relative.isEmpty ? base : base + "/" + relative) else { return }
      defer { closedir(handle) }
      let fd = dirfd(handle)
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
        if name.hasPrefix(".") { continue }
        let child = relative.isEmpty ? name : relative + "/" + name
        var type = Int(entry.pointee.d_type)
        var info = stat()
        // File systems that leave d_type unknown (and callers that need the size) pay one fstatat.
        if type == Int(DT_UNKNOWN) || (wantInfo && type == Int(DT_REG)) {
          guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
          switch info.st_mode & S_IFMT {
          case S_IFDIR: type = Int(DT_DIR)
          case S_IFREG: type = Int(DT_REG)
          default: type = Int(DT_UNKNOWN)
          }
        }
        if type == Int(DT_DIR) {
          walk(child)
        } else if type == Int(DT_REG) {
          result.append(Entry(path: child, stat: info))
        }
      }
    }
    walk("")
    return result.sorted { FileReader.precedes($0.path, $1.path) }
  }

  /// SHA-256 of a file. Files up to `SourceCache.maxFileBytes` are read whole
  /// (and kept in `cache` when given); larger ones in 1 MiB chunks.
  static func hash(_ path: String, display: String, bytes size: Int, cache: SourceCache?) throws -> String {
    func failure() -> FolioError {
      FolioError(.config, "cannot read file: \(String(cString: strerror(errno)))", path: display)
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    var sha = SHA256()
    if size <= SourceCache.maxFileBytes {
      guard let bytes = FileReader.read(fd, sizeHint: size) else { throw failure() }
      bytes.withUnsafeBytes { sha.update($0) }
      if let cache, bytes.count <= SourceCache.maxFileBytes { cache.keep(bytes, path: path) }
      return sha.finalizeHex()
    }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      let n = read(fd, chunk.baseAddress!, chunk.count)
      if n < 0 {
        if errno == EINTR { continue }
        throw failure()
      }
      if n == 0 { break }
      sha.update(UnsafeRawBufferPointer(rebasing: chunk[..<n]))
    }
    return sha.finalizeHex()
  }
}
