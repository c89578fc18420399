import Foundation

/// One page to write: a page file, and for an `each:` page the row it is rendered for.
struct PageInstance: Sendable {
  var file: PageFile
  /// Output path relative to the edition root, e.g. `agency/revenue-authority.html`.
  var path: String
  /// The `each` row's values, bound as SQL parameters and visible to templates.
  var row: [String: SQLValue]
  /// The row's title column, for templated pages' titles.
  var rowTitle: String?

  /// `""` at the root, `"../"` one folder down: every link is relative.
  var root: String {
    String(repeating: "../", count: path.split(separator: "/").count - 1)
  }

  var title: String {
    guard let rowTitle else { return file.title }
    return file.title.contains("{{") ? file.title : "\(file.title): \(rowTitle)"
  }
}
