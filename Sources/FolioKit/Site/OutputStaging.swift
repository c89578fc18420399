import Foundation

/// A private folder inside `output/` where a build writes everything first.
/// `commit` moves the finished editions into place; `discard` removes what is left.
final class OutputStaging {
  let output: URL
  let root: URL
  private let fm = FileManager.default

  /// `temporary` stages in the system temp folder (for `folio check`, which writes no output).
  init(output: URL, temporary: Bool) throws {
    self.output = output
    let name = ".folio-staging-\(ProcessInfo.processInfo.processIdentifier)"
    root =
      temporary
      ? fm.temporaryDirectory.appendingPathComponent(name + "-\(UUID().uuidString)")
      : output.appendingPathComponent(name)
    do {
      if fm.fileExists(atPath: root.path) { try fm.removeItem(at: root) }
      try fm.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      throw FolioError(.write, "cannot create the output folder: \(error.localizedDescription)", path: root.path)
    }
  }

  func edition(_ month: String) -> URL { root.appendingPathComponent(month) }
  func database(for month: String) -> URL { edition(month).appendingPathComponent("data/report.sqlite") }
  /// Where a project without data renders its pages.
  var site: URL { root.appendingPathComponent("site") }

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
  func commitPlainSite() throws {
    let old = root.appendingPathComponent("old")
    try fm.createDirectory(at: old, withIntermediateDirectories: true)
    for name in try fm.contentsOfDirectory(atPath: output.path).sorted()
    where !name.hasPrefix(".") && name != "build-summary.json" {
      try move(output.appendingPathComponent(name), to: old.appendingPathComponent(name))
    }
    for name in try fm.contentsOfDirectory(atPath: site.path).sorted() {
      try move(site.appendingPathComponent(name), to: output.appendingPathComponent(name))
    }
  }

  private func replace(_ target: URL, with staged: URL, parking: URL) throws {
    if fm.fileExists(atPath: target.path) {
      try move(target, to: parking.appendingPathComponent(UUID().uuidString))
    }
    try move(staged, to: target)
  }

  /// One rename(2): staging lives inside the output folder, so every move stays
  /// on one file system, and FileManager's moveItem costs a dozen calls more.
  private func move(_ source: URL, to destination: URL) throws {
    guard rename(source.path, destination.path) == 0 else {
      throw FolioError(
        .write, "cannot move \(source.lastPathComponent) into place: \(String(cString: strerror(errno)))",
        path: destination.path)
    }
  }

  func discard() {
    try? fm.removeItem(at: root)
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
