import Foundation
import Synchronization

/// Looks partials and layouts up in a templates folder, compiling each file once.
///
/// - `{{> NAME}}` reads `ROOT/partials/NAME.html`;
/// - `{{< NAME}}` reads `ROOT/layouts/NAME.html`, then `ROOT/partials/NAME.html`.
///
/// `NAME` may name a subfolder (`cards/kpi`); `.html` is added unless present.
/// A name that could leave the folder (`..`, an absolute path, `~`, `\`) is an error.
public final class FileSystemPartialResolver: PartialResolver {
  /// The templates folder.
  public let root: URL
  /// How errors name the folder, e.g. `templates` in `templates/partials/nav.html:3:5`.
  public let displayRoot: String
  private let cache = Mutex<[String: Template?]>([:])

  /// `displayRoot` defaults to the folder's last path component.
  public init(root: URL, displayRoot: String? = nil) {
    self.root = root.standardizedFileURL
    self.displayRoot = displayRoot ?? root.lastPathComponent
  }

  public func template(named name: String, kind: PartialKind) throws -> Template? {
    try Self.check(name, kind: kind)
    let key = "\(kind.rawValue)/\(name)"
    if let cached = cache.withLock({ $0[key] }) { return cached }
    var found: Template?
    for folder in Self.folders(kind) {
      let relative = folder + "/" + (name.hasSuffix(".html") ? name : name + ".html")
      let url = root.appendingPathComponent(relative)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      // A symbolic link inside the folder must not lead out of it either.
      let real = url.resolvingSymlinksInPath().path
      let base = root.resolvingSymlinksInPath().path
      guard real.hasPrefix(base + "/") else {
        throw FolioError(
          .render, "\(kind.rawValue) '\(name)' resolves outside \(displayRoot)/ (\(real))")
      }
      let text: String
      do {
        text = try String(contentsOf: url, encoding: .utf8)
      } catch {
        throw FolioError(
          .render,
          "cannot read \(kind.rawValue) '\(name)' at \(displayRoot)/\(relative): \(error.localizedDescription)"
        )
      }
      found = try Template(source: text, path: "\(displayRoot)/\(relative)")
      break
    }
    cache.withLock { $0[key] = found }
    return found
  }

  /// The names under the folders a kind reads, without `.html`, sorted.
  public func knownNames(kind: PartialKind) -> [String] {
    var names: Set<String> = []
    for folder in Self.folders(kind) {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      while let path = walker.nextObject() as? String {
        if path.hasSuffix(".html") { names.insert(String(path.dropLast(5))) }
      }
    }
    return names.sorted()
  }

  static func folders(_ kind: PartialKind) -> [String] {
    kind == .partial ? ["partials"] : ["layouts", "partials"]
  }

  /// Refuses names that could reach outside the templates folder.
  static func check(_ name: String, kind: PartialKind) throws(FolioError) {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    let bad =
      name.isEmpty || name.hasPrefix("/") || name.hasPrefix("~") || name.contains("\\")
      || name.contains("\u{0}") || parts.contains { $0.isEmpty || $0 == ".." || $0 == "." }
    guard bad else { return }
    let folder = folders(kind)[0]
    throw FolioError(
      .render,
      "\(kind.rawValue) name '\(name)' leaves the templates folder; write a name inside it, e.g. 'nav' for \(folder)/nav.html"
    )
  }
}
