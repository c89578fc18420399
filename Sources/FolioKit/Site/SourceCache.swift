import Synchronization

/// Template files the input fingerprint read while hashing them, handed on to
/// the renderer so a page is read once per build, not twice. The renderer then
/// also renders exactly the bytes the fingerprint recorded.
final class SourceCache: Sendable {
  /// Larger files are hashed in chunks and not kept (data CSVs can be gigabytes).
  static let maxFileBytes = 1 << 20

  private let files = Mutex<[String: [UInt8]]>([:])

  init() {}

  /// Keeps the bytes of the file at the absolute `path`.
  func keep(_ bytes: [UInt8], path: String) {
    files.withLock { $0[path] = bytes }
  }

  /// The kept bytes of `path`, removed from the cache (each source is read once).
  func take(_ path: String) -> [UInt8]? {
    files.withLock { $0.removeValue(forKey: path) }
  }

  /// The file's bytes: from the cache when the fingerprint read them, else from disk.
  func bytes(atPath path: String) -> [UInt8]? {
    take(path) ?? FileReader.bytes(atPath: path)
  }
}
