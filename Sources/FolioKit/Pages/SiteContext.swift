import Foundation

/// What every page of one edition shares: parameters, navigation, layouts.
struct SiteContext: Sendable {
  var config: ProjectConfig
  var edition: String?
  var dataLastDate: String?
  var pages: [PageFile]
  var partials: FileSystemPartialResolver
  var layouts: [String: Template]
  /// Instances of every page, for the navigation.
  var navigation: [(title: String, path: String)]
  /// Navigation lists by relative root, built once (`prepareNavigation`) rather than per page.
  private(set) var navLists: [String: [TemplateValue]] = [:]

  /// Builds the navigation list for every root prefix the pages use.
  mutating func prepareNavigation(roots: Set<String>) {
    navLists = Dictionary(uniqueKeysWithValues: roots.map { root in
      (root, navigation.indices.map { navEntry($0, root: root, current: false) })
    })
  }

  func navEntry(_ index: Int, root: String, current: Bool) -> TemplateValue {
    .object([
      "title": .string(navigation[index].title), "href": .string(root + navigation[index].path),
      "current": .bool(current),
    ])
  }

  /// SQL parameters every page query may use.
  var parameters: [String: SQLValue] {
    guard let edition else { return [:] }
    return [
      "month": .text(edition), "edition_month": .text(edition),
      "prev_month": .text(Self.shift(edition, by: -1)),
      "year_ago_month": .text(Self.shift(edition, by: -12)),
      "window_start": .text(Self.shift(edition, by: -11)),
      "trend_start": .text(Self.shift(edition, by: -23)),
    ]
  }

  /// `2026-01` shifted by -1 → `2025-12`.
  static func shift(_ month: String, by delta: Int) -> String {
    let year = Int(month.prefix(4)) ?? 0
    let m = Int(month.suffix(2)) ?? 1
    let index = year * 12 + (m - 1) + delta
    return String(format: "%04d-%02d", index / 12, index % 12 + 1)
  }

  /// The template context of one page instance.
  func context(for instance: PageInstance) -> [String: TemplateValue] {
    var page: [String: TemplateValue] = [:]
    for entry in instance.file.source.frontMatter.entries { page[entry.key] = Self.value(entry.value) }
    page["title"] = .string(instance.title)
    page["path"] = .string(instance.path)
    var context: [String: TemplateValue] = [
      "page": .object(page),
      "root": .string(instance.root),
      "site": .object(["title": .string(config.title)]),
      "nav": .list(navigationList(for: instance)),
      "metrics": .object(config.metrics.values.mapValues { .double($0) }),
      "metric_settings": .list(
        MetricSettings.settings.map { s in
          .object(["key": .string(s.key), "value": .double(config.metrics[s.key]), "default": .double(s.defaultValue), "meaning": .string(s.meaning)])
        }),
      "build": .object(["folio": .string(SiteBuilder.folioVersion)]),
    ]
    if let edition {
      context["edition"] = .object([
        "month": .string(edition), "label": .string(ValueFormat(.month).string(text: edition)),
        "prev_month": .string(Self.shift(edition, by: -1)),
        "prev_label": .string(ValueFormat(.month).string(text: Self.shift(edition, by: -1))),
        "data_last_date": dataLastDate.map { .string($0) } ?? .null,
        "data_last_label": dataLastDate.map { .string(ValueFormat(.date).string(text: $0)) } ?? .null,
      ])
    }
    if !instance.row.isEmpty {
      let row = TemplateValue.object(instance.row.mapValues(\.templateValue))
      context["row"] = row
    }
    return context
  }

  /// The page's navigation: the shared list, with its own entry marked current.
  func navigationList(for instance: PageInstance) -> [TemplateValue] {
    var list = navLists[instance.root] ?? navigation.indices.map { navEntry($0, root: instance.root, current: false) }
    if let i = navigation.firstIndex(where: { $0.path == instance.path }) {
      list[i] = navEntry(i, root: instance.root, current: true)
    }
    return list
  }

  static func value(_ v: FrontMatterValue) -> TemplateValue {
    switch v {
    case .string(let s): return .string(s)
    case .int(let i): return .int(Int64(i))
    case .double(let d): return .double(d)
    case .bool(let b): return .bool(b)
    case .list(let items): return .list(items.map(value))
    }
  }

  /// The compiled layout, or the built-in one when the project has none by that name.
  func layout(named name: String, page: PageSource) throws -> Template {
    if let layout = layouts[name] { return layout }
    if name == "default" { return DefaultLayout.template }
    let line = page.frontMatter.entry("layout")?.line ?? 1
    throw page.error(
      "unknown layout '\(name)'; templates/layouts/ has \(layouts.keys.sorted().joined(separator: ", "))",
      line: line)
  }
}
