/// A node of the small tree `HTMLTokenizer` builds from Folio's own HTML output.
///
/// Text keeps its escaped source form so serialising an untouched tree gives back
/// the input; `svg` and other raw nodes keep their exact source.
public indirect enum HTMLNode: Sendable, Equatable {
  case element(HTMLElement)
  /// Escaped character data, as written in the source.
  case text(String)
  /// Comments, doctypes, and `<script>`/`<style>` bodies: passed through untouched.
  case raw(String)
  /// A whole `<svg>…</svg>` subtree (nested svgs included), never styled or parsed.
  case svg(String)

  /// The node written back as HTML.
  public var html: String {
    switch self {
    case .element(let e): return e.html
    case .text(let t), .raw(let t), .svg(let t): return t
    }
  }
}

/// An element with attributes in source order (values unescaped) and children.
public struct HTMLElement: Sendable, Equatable {
  public var name: String
  public var attributes: [(name: String, value: String?)]
  public var children: [HTMLNode]

  public init(
    _ name: String, _ attributes: [(name: String, value: String?)] = [], children: [HTMLNode] = []
  ) {
    self.name = name
    self.attributes = attributes
    self.children = children
  }

  public static func == (a: HTMLElement, b: HTMLElement) -> Bool {
    a.name == b.name && a.children == b.children && a.attributes.count == b.attributes.count
      && zip(a.attributes, b.attributes).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }

  /// Elements that never have content or an end tag.
  public static let voidNames: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
  ]

  public var isVoid: Bool { Self.voidNames.contains(name) }

  public func attribute(_ key: String) -> String? {
    attributes.first { $0.name == key }?.value ?? nil
  }

  public mutating func setAttribute(_ key: String, _ value: String?) {
    if let i = attributes.firstIndex(where: { $0.name == key }) {
      attributes[i].value = value
    } else {
      attributes.append((key, value))
    }
  }

  public mutating func removeAttribute(_ key: String) {
    attributes.removeAll { $0.name == key }
  }

  /// The class list.
  public var classes: [String] {
    (attribute("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(
      String.init)
  }

  public func hasClass(_ name: String) -> Bool { classes.contains(name) }

  /// The start tag, with every attribute value escaped and double-quoted.
  public var startTag: String {
    var s = "<" + name
    for a in attributes {
      s += " " + a.name
      if let v = a.value { s += "=\"" + HTMLEscaping.escapeText(v) + "\"" }
    }
    return s + ">"
  }

  public var html: String {
    if isVoid { return startTag }
    return startTag + children.map(\.html).joined() + "</" + name + ">"
  }

  /// The text content, entities decoded (svg subtrees excluded).
  public var textContent: String {
    children.map { node -> String in
      switch node {
      case .element(let e): return e.textContent
      case .text(let t): return HTMLTokenizer.decodeEntities(t)
      default: return ""
      }
    }.joined()
  }
}
