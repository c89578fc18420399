import Foundation
import Testing

@testable import FolioKit

/// The lean file-system paths of a plain Markdown site build: the rename-over
/// commit, the unlinkat cleanup, whole-file reads and the fingerprint's kept bytes.
@Suite struct PlainSiteCommitTests {
  @Test func rebuildReplacesPagesDropsStaleOnesAndKeepsHiddenEntries() throws {
    let p = try TestProject(data: false)
    try p.write("templates/pages/index.md", "# One\n")
    try p.write("templates/pages/gone.md", "# Gone\n")
    try p.write("templates/pages/docs/a.md", "# A\n")
    try p.build()
    #expect(p.exists("gone.html"))
    // Hidden entries and stray files of the user's: hidden ones stay, others go.
    try p.writeOutput(".keep/note.txt", "mine\n")
    try p.writeOutput("stray.txt", "old\n")

    try FileManager.default.removeItem(at: p.root.appendingPathComponent("templates/pages/gone.md"))
    try p.write("templates/pages/index.md", "# Two\n")
    try p.build()
    #expect(try p.read("index.html").contains("Two"))
    #expect(!p.exists("gone.html"))
    #expect(!p.exists("stray.txt"))
    #expect(try p.read(".keep/note.txt") == "mine\n")
    #expect(p.exists("docs/a.html"))
    #expect(p.exists("build-summary.json"))
    // Nothing of the staging folder is left behind.
    let left = try FileManager.default.contentsOfDirectory(atPath: p.output.path)
    #expect(!left.contains { $0.hasPrefix(".folio-staging") })
  }

  @Test func pageAndFolderMaySwapKinds() throws {
    let p = try TestProject(data: false)
    try p.write("templates/pages/index.md", "# Home\n")
    try p.write("templates/pages/guide.md", "# Guide\n")
    try p.build()
    // Old output has a folder where the new site has a file, and a file where it has a folder.
    try p.writeOutput("index.html/inner.txt", "x\n", replacing: true)
    try FileManager.default.removeItem(at: p.root.appendingPathComponent("templates/pages/guide.md"))
    try p.write("templates/pages/guide/part.md", "# Part\n")
    try p.writeOutput("guide", "a file\n", replacing: true)
    try p.build()
    #expect(try p.read("index.html").contains("Home"))
    #expect(try p.read("guide/part.html").contains("Part"))
    #expect(!p.exists("guide.html"))
  }

  @Test func failedPlainBuildLeavesThePreviousOutputUntouched() throws {
    let p = try TestProject(data: false)
    try p.write("templates/pages/index.md", "# Hi\n")
    try p.write("templates/pages/other.md", "# Other\n")
    try p.build()
    let before = try TestProject.snapshot(p.output)
    try p.write("templates/pages/other.md", "```table data=nope\n```\n")
    #expect(throws: FolioError.self) { try p.build() }
    #expect(try TestProject.snapshot(p.output) == before)
    let left = try FileManager.default.contentsOfDirectory(atPath: p.output.path)
    #expect(!left.contains { $0.hasPrefix(".folio-staging") })
  }

  @Test func unchangedPagesStayInPlaceAndChangedOnesAreReplaced() throws {
    let p = try TestProject(data: false)
    try p.write("templates/pages/index.md", "# Home\n")
    try p.write("templates/pages/docs/a.md", "# A\n")
    // Hidden pages are not in the navigation, so removing one changes no other page.
    try p.write("templates/pages/docs/b.md", "---\nhidden: true\n---\n# B\n")
    try p.write("templates/pages/edited.md", "# Edited\n")
    try p.build()
    let inodeA = try p.inode("docs/a.html")
    let inodeIndex = try p.inode("index.html")
    let pristine = try p.read("edited.html")
    try p.writeOutput("edited.html", "changed by hand\n")
    try FileManager.default.removeItem(at: p.root.appendingPathComponent("templates/pages/docs/b.md"))
    try p.write("templates/pages/index.md", "# Home again\n")

    try p.build()
    #expect(try p.inode("docs/a.html") == inodeA)  // same bytes: not rewritten
    #expect(try p.inode("index.html") != inodeIndex)
    #expect(try p.read("index.html").contains("Home again"))
    #expect(try p.read("edited.html") == pristine)  // a hand edit of the output is undone
    #expect(!p.exists("docs/b.html"))
    // A third build with nothing changed gives the same bytes as a build into an empty folder.
    try p.build()
    let kept = try TestProject.snapshot(p.output, skipping: ["build-summary.json"])
    try FileManager.default.removeItem(at: p.output)
    try p.build()
    #expect(try TestProject.snapshot(p.output, skipping: ["build-summary.json"]) == kept)
  }

  @Test func linkedFolderInTheOldOutputIsReplacedNotWrittenThrough() throws {
    let p = try TestProject(data: false)
    try p.write("templates/pages/docs/a.md", "# A\n")
    try p.build()
    let page = try p.read("docs/a.html")
    // The old output's docs/ is a link to a folder elsewhere holding the same page.
    let elsewhere = p.root.appendingPathComponent("elsewhere")
    try FileManager.default.moveItem(at: p.output.appendingPathComponent("docs"), to: elsewhere)
    try FileManager.default.createSymbolicLink(at: p.output.appendingPathComponent("docs"), withDestinationURL: elsewhere)
    try p.write("templates/pages/docs/new.md", "---\nhidden: true\n---\n# New\n")
    try p.build()
    var isFolder: ObjCBool = false
    let docs = p.output.appendingPathComponent("docs").path
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: docs)) == nil)
    #expect(FileManager.default.fileExists(atPath: docs, isDirectory: &isFolder) && isFolder.boolValue)
    #expect(try p.read("docs/a.html") == page)
    #expect(p.exists("docs/new.html"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == ["a.html"])
  }

  @Test func removeTreeDeletesNestedFoldersAndLeavesLinkTargets() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-rm-\(UUID().uuidString)")
    let outside = root.appendingPathComponent("outside")
    let tree = root.appendingPathComponent("tree")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: tree.appendingPathComponent("a/b/c"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("1".utf8).write(to: tree.appendingPathComponent("a/b/c/file"))
    try Data("2".utf8).write(to: tree.appendingPathComponent(".hidden"))
    try Data("3".utf8).write(to: outside.appendingPathComponent("target"))
    try FileManager.default.createSymbolicLink(
      at: tree.appendingPathComponent("a/link"), withDestinationURL: outside)
    OutputStaging.removeTree(tree.path)
    #expect(!FileManager.default.fileExists(atPath: tree.path))
    #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("target").path))
    OutputStaging.removeTree(tree.path)  // a missing path is fine
  }

  @Test func fileReaderReadsWholeFilesAndTextLikeFoundation() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-read-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let big = dir.appendingPathComponent("big")
    let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    try Data(bytes).write(to: big)
    #expect(FileReader.bytes(atPath: big.path) == bytes)
    // A size hint smaller than the file (it grew after fstat) still reads it whole.
    let fd = open(big.path, O_RDONLY)
    defer { close(fd) }
    #expect(FileReader.read(fd, sizeHint: 10) == bytes)

    let bom = dir.appendingPathComponent("bom.md")
    try Data([0xEF, 0xBB, 0xBF] + Array("# Hé\n".utf8)).write(to: bom)
    #expect(FileReader.text(atPath: bom.path) == (try String(contentsOf: bom, encoding: .utf8)))
    #expect(FileReader.text(atPath: bom.path) == "# Hé\n")
    let empty = dir.appendingPathComponent("empty")
    try Data().write(to: empty)
    #expect(FileReader.text(atPath: empty.path) == "")
    let latin = dir.appendingPathComponent("latin1")
    try Data([0x48, 0xE9, 0x0A]).write(to: latin)
    #expect(FileReader.text(atPath: latin.path) == nil)
    #expect(FileReader.bytes(atPath: dir.appendingPathComponent("missing").path) == nil)
  }

  @Test func byteOrderAndEqualityHelpers() {
    let names = ["b", "a/b", "a", "", "Z", "é", "a-b", "ab", "a/"]
    #expect(names.sorted(by: FileReader.precedes) == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(!FileReader.precedes("a", "a"))
    let text: [UInt8] = Array("héllo".utf8)
    text.withUnsafeBufferPointer { buffer in
      #expect(FileReader.same(Array("héllo".utf8), buffer))
      #expect(!FileReader.same(Array("hello!".utf8), buffer))
      #expect(!FileReader.same(Array("hallo".utf8).dropLast() + [0x6F], buffer))
    }
    [UInt8]().withUnsafeBufferPointer { #expect(FileReader.same([], $0)) }
  }

  @Test func fingerprintKeepsTemplateBytesOnlyWhenItHashesThem() throws {
    let p = try TestProject(data: false)
    try p.write("templates/pages/index.md", "# Hi\n")
    let layout = ProjectLayout(root: p.root)
    let page = layout.templates.path + "/pages/index.md"
    let first = SourceCache()
    let fp = try InputFingerprint.compute(layout: layout, settings: [], previous: nil, keeping: first)
    #expect(fp.templates.map(\.path) == ["templates/pages/index.md"])
    #expect(fp.templates[0].sha256 == "19812277b04a5a988e4dc361617bcb927d4297c47353da93aa992ac007f1f3cf")
    #expect(fp.assets.map(\.path) == ["assets/site.css"])
    #expect(first.take(page) == Array("# Hi\n".utf8))
    #expect(first.take(page) == nil)
    #expect(first.take(layout.assets.path + "/site.css") == nil)  // only templates are kept
    // Unchanged size and mtime: the old hash is reused and nothing is read.
    let again = SourceCache()
    let fp2 = try InputFingerprint.compute(layout: layout, settings: [], previous: fp, keeping: again)
    #expect(fp2 == fp)
    #expect(again.take(page) == nil)
  }
}

extension TestProject {
  /// The inode number of an output file: a file rewritten through staging gets a new one.
  func inode(_ path: String) throws -> UInt64 {
    var info = stat()
    guard lstat(output.appendingPathComponent(path).path, &info) == 0 else {
      throw FolioError(.write, "no such output file", path: path)
    }
    return UInt64(info.st_ino)
  }

  /// Writes a file straight into `output/` (a user's own file, or an old entry to replace).
  func writeOutput(_ path: String, _ text: String, replacing: Bool = false) throws {
    let url = output.appendingPathComponent(path)
    if replacing {
      let top = output.appendingPathComponent(String(path.split(separator: "/")[0]))
      try? FileManager.default.removeItem(at: top)
    }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
}
