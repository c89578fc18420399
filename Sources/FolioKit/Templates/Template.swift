/// A compiled Mustache template with Folio's filters: parse once, render many
/// times, from any number of threads (it is an immutable value).
///
/// ```swift
/// let page = try Template(source: "<h1>{{title}}</h1> {{ rate | pct:1 }}", path: "templates/pages/x.md")
/// let html = try page.render(["title": "Overview", "rate": 12.34])
/// ```
public struct Template: Sendable {
  /// Where the source came from, as errors print it.
  public var path: String { source.path }
  let source: TemplateSource
  let nodes: [TemplateNode]

  /// Compiles `source`; throws a `FolioError` (stage `.render`) at the tag that
  /// is wrong. `lineOffset` is added to every line number, for text that starts
  /// further down a file (a Markdown body after its front matter: pass the
  /// number of lines before it).
  public init(source: String, path: String, lineOffset: Int = 0) throws(FolioError) {
    self.source = TemplateSource(text: source, path: path, lineOffset: lineOffset)
    var parser = TemplateParser(self.source)
    try parser.tokenize()
    parser.markStandalone()
    self.nodes = try parser.build()
  }

  /// Renders with `context` as the root of the context stack.
  public func render(
    _ context: TemplateValue, partials: (any PartialResolver)? = nil,
    options: RenderOptions = RenderOptions()
  ) throws(FolioError) -> String {
    try renderReport(context, partials: partials, options: options).output
  }

  /// Renders and also returns the names that were not found (when
  /// `options.collectMissing` is on), for the caller to turn into warnings.
  public func renderReport(
    _ context: TemplateValue, partials: (any PartialResolver)? = nil,
    options: RenderOptions = RenderOptions()
  ) throws(FolioError) -> TemplateRendering {
    var renderer = TemplateRenderer(context: context, resolver: partials, options: options)
    try renderer.render(nodes, source: source, blocks: [:])
    return TemplateRendering(output: renderer.out, missing: renderer.missing)
  }
}

/// How a render treats the things the Mustache spec leaves silent.
public struct RenderOptions: Sendable {
  /// A `{{> name}}` or `{{< name}}` the resolver cannot find is an error (true,
  /// Folio's default) or renders as nothing (false, the Mustache spec).
  public var missingPartialIsError: Bool
  /// Record every name that resolves to nothing in `TemplateRendering.missing`.
  public var collectMissing: Bool
  /// How deep partials and parents may nest before the render stops with an error.
  public var maxDepth: Int
  /// How `{{name}}` escapes values: for HTML (default) or for Markdown source.
  public var escaping: TemplateEscaping

  public init(
    missingPartialIsError: Bool = true, collectMissing: Bool = false, maxDepth: Int = 64,
    escaping: TemplateEscaping = .html
  ) {
    self.missingPartialIsError = missingPartialIsError
    self.collectMissing = collectMissing
    self.maxDepth = maxDepth
    self.escaping = escaping
  }

  /// Exactly the Mustache spec: missing partials render as nothing.
  public static let mustache = RenderOptions(missingPartialIsError: false)
}

/// What `{{name}}` escapes in a value (`{{{name}}}` never escapes).
public enum TemplateEscaping: Sendable {
  /// `& < > " '` become entities: safe in HTML text and quoted attributes.
  case html
  /// For Markdown rendered before cmark parses it: as `.html`, and the
  /// characters Markdown reads as syntax (`\ ` * _ [ ] # | ~ !`) become numeric
  /// entities, so a value never turns into emphasis, a link or a table cell;
  /// cmark decodes them, and a raw HTML block shows them correctly too.
  case markdown
}

/// The output of a render and what it could not find.
public struct TemplateRendering: Sendable, Equatable {
  public var output: String
  /// Names that resolved to nothing, each once, in the order first met.
  public var missing: [TemplateMiss]
}

/// A name a template used that the context does not have.
public struct TemplateMiss: Sendable, Equatable, CustomStringConvertible {
  /// The name as written, e.g. `row.agency_nmae`.
  public var name: String
  public var path: String
  public var line: Int
  public var column: Int
  /// A close name that does exist at that place, e.g. `agency_name`.
  public var suggestion: String?
  /// The line of the template, quoted under the warning.
  public var excerpt: String = ""

  public var description: String {
    let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
    return "\(path):\(line):\(column): unknown name '\(name)'\(hint)"
  }
}
