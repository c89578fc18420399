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

  /// A project without data owns `output/` whole: every old entry (but hidden
  /// top-level ones and build files) that the new site lacks is deleted, every
  /// staged file is renamed into place, and the `unchanged` pages (left in
  /// place by `PreviousOutput`) are kept.
  ///
  /// One rename(2) per staged file: renamed over its old version, it replaces
  /// it atomically, so a page is never missing. Paths are strings, walks use
  /// readdir's types: file URLs and FileManager stat on every step.
  func commitPlainSite(unchanged: Set<String> = []) throws {
    let out = output.path + "/"
    let staged = site.path + "/"
    let fresh = InputFingerprint.walkFiles(under: site.path)
    let files = unchanged.union(fresh)
    var folders: Set<String> = []
    for file in files {
      var parts = file.split(separator: "/").dropLast()
      while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts.removeLast() }
    }
    // Parents before children (a prefix sorts first); an old file or link where a folder goes is removed.
    for folder in folders.sorted(by: FileReader.precedes) {
      var info = stat()
      if lstat(out + folder, &info) == 0 {
        if info.st_mode & S_IFMT == S_IFDIR { continue }
        Self.removeTree(out + folder)
      }
      guard mkdir(out + folder, 0o755) == 0 || errno == EEXIST else {
        throw FolioError(.write, "cannot create the folder: \(String(cString: strerror(errno)))", path: out + folder)
      }
    }
    for file in fresh {
      if rename(staged + file, out + file) == 0 { continue }
      let code = errno
      // An old folder where the new site has a file: rename cannot replace it.
      guard code == EISDIR || code == ENOTEMPTY || code == EEXIST else {
        throw Self.moveError(file, to: out + file, code: code)
      }
      Self.removeTree(out + file)
      try move(staged + file, to: out + file)
    }
    try prune(out, relative: "", files: files, folders: folders)
  }

  /// Deletes what below `output/` is neither one of `files` nor one of `folders`.
  private func prune(_ out: String, relative: String, files: Set<String>, folders: Set<String>) throws {
    for (name, folder) in try Self.listing(in: out + relative) {
      if relative.isEmpty && (name.hasPrefix(".") || name == "build-summary.json") { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      if folder {
        if folders.contains(path) {
          try prune(out, relative: path, files: files, folders: folders)
        } else {
          Self.removeTree(out + path)
        }
      } else if !files.contains(path) {
        guard unlink(out + path) == 0 || errno == ENOENT else {
          throw FolioError(.write, "cannot delete an old file: \(String(cString: strerror(errno)))", path: out + path)
        }
      }
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

  /// The entries of a folder (hidden ones too) and whether each is a real
  /// folder (not a link to one), in byte order. Types come from readdir; only
  /// a file system that does not give them costs an lstat per entry.
  static func listing(in path: String) throws -> [(name: String, folder: Bool)] {
    guard let handle = opendir(path) else {
      throw FolioError(.write, "cannot list the folder: \(String(cString: strerror(errno)))", path: path)
    }
    defer { closedir(handle) }
    let fd = dirfd(handle)
    var result: [(name: String, folder: Bool)] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." { continue }
      var folder = Int(entry.pointee.d_type) == Int(DT_DIR)
      if Int(entry.pointee.d_type) == Int(DT_UNKNOWN) {
        var info = stat()
        folder = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
      }
      result.append((name, folder))
    }
    return result.sorted { FileReader.precedes($0.name, $1.name) }
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
