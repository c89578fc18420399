/// One piece of a compiled template. `at` is the byte offset of the tag in its
/// source, turned into line and column only when an error or a miss is reported.
indirect enum TemplateNode: Sendable {
  case text(String)
  /// `{{name | filters}}`; `escaped` is false for `{{{name}}}` and `{{& name}}`.
  case variable(TemplateName, filters: [TemplateFilter], escaped: Bool, at: Int)
  case section(TemplateName, nodes: [TemplateNode], inverted: Bool, at: Int)
  /// `{{> name}}`; `indent` is the whitespace before a standalone tag.
  case partial(String, indent: String, at: Int)
  /// `{{< name}}…{{/name}}` with the blocks it overrides.
  case parent(String, blocks: [String: TemplateBlock], indent: String, at: Int)
  /// `{{$ name}}default{{/name}}`.
  case block(TemplateBlock)
}

/// A `{{$name}}` block: its content and how its lines are indented.
struct TemplateBlock: Sendable {
  var name: String
  var nodes: [TemplateNode]
  /// Added to every line of the content that replaces this block (its use site).
  var indent: String
  /// Byte offset of the `{{$name}}` tag.
  var at: Int
}

/// A dotted name split into its parts; no parts means the implicit iterator `.`.
struct TemplateName: Sendable, CustomStringConvertible {
  var parts: [String]

  init(_ text: String) {
    parts =
      text == "."
      ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  }

  var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}
