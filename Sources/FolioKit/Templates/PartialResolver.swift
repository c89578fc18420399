/// Which tag asks for a template: `{{> name}}` or `{{< name}}`.
public enum PartialKind: String, Sendable {
  case partial, parent
}

/// Finds the templates that `{{> name}}` and `{{< name}}` include.
///
/// Implementations must be safe to call from several threads at once.
public protocol PartialResolver: Sendable {
  /// The compiled template for `name`, or nil when there is none. Throws a
  /// `FolioError` when the name is not allowed or the file does not compile.
  func template(named name: String, kind: PartialKind) throws -> Template?

  /// Names that exist, for "known: …" hints in errors; may be empty.
  func knownNames(kind: PartialKind) -> [String]
}

extension PartialResolver {
  public func knownNames(kind: PartialKind) -> [String] { [] }
}

/// Partials given as source text by name (tests, the Mustache spec, generated pages).
public struct DictionaryPartialResolver: PartialResolver {
  public let templates: [String: Template]

  /// Compiles every source once; errors name the partial as `path`.
  public init(_ sources: [String: String]) throws(FolioError) {
    var templates: [String: Template] = [:]
    for (name, source) in sources {
      templates[name] = try Template(source: source, path: name)
    }
    self.templates = templates
  }

  /// Uses templates compiled elsewhere.
  public init(templates: [String: Template]) {
    self.templates = templates
  }

  public func template(named name: String, kind: PartialKind) throws -> Template? {
    templates[name]
  }

  public func knownNames(kind: PartialKind) -> [String] { templates.keys.sorted() }
}
