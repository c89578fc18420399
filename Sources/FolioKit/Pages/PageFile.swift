import Foundation

/// One Markdown page of `templates/pages/`, parsed once per build.
struct PageFile: Sendable {
  var source: PageSource
  /// Path below `templates/pages/` without `.md`, e.g. `agency` or `ops/sla`.
  var name: String
  var title: String
  var order: Int
  /// `each:` query: the page is rendered once per row.
  var each: String?
  /// Column whose slug names each generated page (default: the first column).
  var slugColumn: String?
  var layoutName: String
  /// Hidden pages are rendered but not listed in the navigation.
  var hidden: Bool

  static let knownKeys: Set<String> = [
    "title", "order", "description", "layout", "each", "slug", "nav", "hidden", "nav_title",
  ]

  /// Reads and parses the page at the absolute `path`, taking its bytes from
  /// `sources` when the input fingerprint already read them.
  init(path: String, name: String, displayPath: String, sources: SourceCache? = nil) throws {
    let bytes = sources.map { $0.bytes(atPath: path) } ?? FileReader.bytes(atPath: path)
    guard let text = bytes.flatMap(FileReader.text(utf8:)) else {
      throw FolioError(.render, "cannot read page (not UTF-8?)", path: displayPath)
    }
    source = try PageSource.parse(text: text, path: displayPath)
    self.name = name
    let fm = source.frontMatter
    title = fm["title"]?.text ?? name.split(separator: "/").last.map { String($0).capitalized } ?? name
    order = fm["order"]?.intValue ?? 1000
    each = fm["each"]?.text
    slugColumn = fm["slug"]?.text
    layoutName = fm["layout"]?.text ?? "default"
    hidden = fm["hidden"]?.boolValue ?? false
  }

  /// The output path of this page (relative to the edition), for one `each` row's slug.
  func outputPath(slug: String?) -> String {
    if let slug { return "\(name)/\(slug).html" }
    return name + ".html"
  }
}
