import Foundation

/// A private folder inside `output/` where a build writes everything first.
/// `commit` moves the finished editions into place; `discard` removes what is left.
final class OutputStaging {
  let output: URL
  let root: URL
  /// Where a project without data renders its pages.
  let site: URL
  private let fm = FileManager.default

  /// `temporary` stages in the system temp folder (for `folio check`, which writes no output).
  init(output: URL, temporary: Bool) throws {
    self.output = output
    let name = ".folio-staging-\(ProcessInfo.processInfo.processIdentifier)"
    root =
      temporary
      ? fm.temporaryDirectory.appendingPathComponent(name + "-\(UUID().uuidString)")
      : output.appendingPathComponent(name)
    site = root.appendingPathComponent("site", isDirectory: true)
    do {
      Self.removeTree(root.path)
      try fm.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      throw FolioError(.write, "cannot create the output folder: \(error.localizedDescription)", path: root.path)
    }
  }

  func edition(_ month: String) -> URL { root.appendingPathComponent(month) }
  func database(for month: String) -> URL { edition(month).appendingPathComponent("data/report.sqlite") }

  func writeRejects(_ rejects: [RejectedRows], month: String) throws {
    for file in rejects where !file.rows.isEmpty {
      let dir = edition(month).appendingPathComponent("data/rejects")
      try fm.createDirectory(at: dir, withIntermediateDirectories: true)
      try FileWriter.write(file.csvText(), to: dir.appendingPathComponent(file.fileName))
    }
  }

  /// Swaps each staged edition in for the old one; earlier editions stay as they were.
  /// `latest/` becomes a copy of the newest edition present (no symlinks: file shares lack them).
  func commit(editions: [String]) throws {
    let old = root.appendingPathComponent("old")
    try fm.createDirectory(at: old, withIntermediateDirectories: true)
    for month in editions {
      try replace(output.appendingPathComponent(month), with: edition(month), parking: old)
    }
    if let newest = EditionIndex.editions(in: output).first {
      let copy = root.appendingPathComponent("latest")
      try fm.copyItem(at: output.appendingPathComponent(newest), to: copy)
      try replace(output.appendingPathComponent("latest"), with: copy, parking: old)
    }
  }

  /// A project without data owns `output/` whole: every old top-level entry (but
  /// hidden ones and build files) is replaced by the new site.
  ///
  /// One rename(2) per entry: a file renamed over its old version replaces it
  /// atomically (and frees the old one), so a page is never missing. Only an
  /// entry that cannot be renamed over (a non-empty folder, a file becoming a
  /// folder or back) is parked in `old/` first. Old entries the new site lacks
  /// are parked last. Paths are strings: file URLs stat on every append.
  func commitPlainSite() throws {
    let out = output.path + "/"
    let staged = site.path + "/"
    let old = root.path + "/old/"
    guard mkdir(old, 0o755) == 0 || errno == EEXIST else {
      throw FolioError(.write, "cannot create \(old): \(String(cString: strerror(errno)))", path: old)
    }
    let fresh = try Self.names(in: site.path)
    for name in fresh {
      if rename(staged + name, out + name) == 0 { continue }
      let code = errno
      guard code == EISDIR || code == ENOTDIR || code == ENOTEMPTY || code == EEXIST else {
        throw Self.moveError(name, to: out + name, code: code)
      }
      try move(out + name, to: old + name)
      try move(staged + name, to: out + name)
    }
    let keep = Set(fresh)
    for name in try Self.names(in: output.path)
    where !name.hasPrefix(".") && name != "build-summary.json" && !keep.contains(name) {
      try move(out + name, to: old + name)
    }
  }

  private func replace(_ target: URL, with staged: URL, parking: URL) throws {
    if fm.fileExists(atPath: target.path) {
      try move(target.path, to: parking.appendingPathComponent(UUID().uuidString).path)
    }
    try move(staged.path, to: target.path)
  }

  /// One rename(2): staging lives inside the output folder, so every move stays
  /// on one file system, and FileManager's moveItem costs a dozen calls more.
  private func move(_ source: String, to destination: String) throws {
    guard rename(source, destination) == 0 else {
      let code = errno
      throw Self.moveError((source as NSString).lastPathComponent, to: destination, code: code)
    }
  }

  private static func moveError(_ name: String, to destination: String, code: Int32) -> FolioError {
    FolioError(.write, "cannot move \(name) into place: \(String(cString: strerror(code)))", path: destination)
  }

  /// The entry names of a folder (all of them, hidden too), in byte order.
  static func names(in path: String) throws -> [String] {
    guard let handle = opendir(path) else {
      throw FolioError(.write, "cannot list the folder: \(String(cString: strerror(errno)))", path: path)
    }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Removes what the build left in the staging folder (old output parked there, unused files).
  func discard() {
    Self.removeTree(root.path)
  }

  /// Deletes `path` and everything below it (best effort; a missing path is fine),
  /// with unlinkat relative to open folders: FileManager.removeItem stats each
  /// entry by its full path first. Symbolic links are removed, never followed.
  static func removeTree(_ path: String) {
    if unlink(path) == 0 || errno == ENOENT { return }
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    if fd >= 0 { clear(fd) }
    rmdir(path)
  }

  /// Empties the folder open as `fd`, and closes it.
  private static func clear(_ fd: Int32) {
    guard let handle = fdopendir(fd) else {
      close(fd)
      return
    }
    defer { closedir(handle) }
    // Names first, then deletes: unlinking while readdir walks the same folder may skip entries.
    var entries: [(name: String, folder: Bool)] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      entries.append((name, Int(entry.pointee.d_type) == Int(DT_DIR)))
    }
    for entry in entries {
      // A folder (or an entry whose type readdir did not give) fails unlinkat with EISDIR.
      if !entry.folder, unlinkat(fd, entry.name, 0) == 0 || errno != EISDIR { continue }
      let child = openat(fd, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if child >= 0 { clear(child) }
      unlinkat(fd, entry.name, AT_REMOVEDIR)
    }
  }
}

/// Copies `assets/` into an edition.
enum Assets {
  static func copy(from source: URL, to target: URL) throws {
    let fm = FileManager.default
    for path in try InputFingerprint.files(under: source) {
      let destination = target.appendingPathComponent(path)
      try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      try fm.copyItem(at: source.appendingPathComponent(path), to: destination)
    }
  }
}
