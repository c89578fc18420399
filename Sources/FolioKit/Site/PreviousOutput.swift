import Foundation
import Synchronization

/// The files of the last plain-site build in `output/`. A page whose new bytes
/// equal its old file is left in place instead of being staged: creating,
/// renaming and freeing a thousand files costs most of a rebuild's system
/// time on a slow disk, while reading an old page back is cheap. The commit
/// then keeps exactly the pages recorded here (see `OutputStaging.commitPlainSite`).
final class PreviousOutput: Sendable {
  /// `output/`, with a trailing slash.
  let root: String
  /// Regular files below `output/` reached through real folders (no hidden
  /// entries, no symbolic links): only these may be kept.
  let files: Set<String>
  private let kept = Mutex<Set<String>>([])

  init(output: URL) {
    root = output.path + "/"
    files = Set(InputFingerprint.walkFiles(under: output.path))
  }

  /// The relative paths left in place because their bytes did not change.
  var unchanged: Set<String> { kept.withLock { $0 } }

  /// Writes `text` as `path` below `staged`, unless `output/` already holds exactly these bytes there.
  func write(_ text: String, path: String, staged: String) throws {
    if files.contains(path), Self.file(root + path, equals: text) {
      kept.withLock { _ = $0.insert(path) }
      return
    }
    try FileWriter.write(text, toPath: staged + path)
  }

  /// True when the file at `path` holds exactly the UTF-8 bytes of `text`
  /// (the size, from fstat, is compared before any byte is read).
  static func file(_ path: String, equals text: String) -> Bool {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    var text = text
    return text.withUTF8 { expected in
      guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == expected.count,
        let old = FileReader.read(fd, sizeHint: expected.count)
      else { return false }
      return FileReader.same(old, expected)
    }
  }
}
