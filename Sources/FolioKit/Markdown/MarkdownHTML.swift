/// Renders a `MarkdownNode` tree to HTML exactly as `cmark_render_html` does
/// (with `CMARK_OPT_UNSAFE`), except that headings get `id` attributes.
///
/// Written in Swift rather than calling cmark so the pages layer can replace
/// any node's HTML through `override` (directive placeholders, for example).
public enum MarkdownHTML {
  /// Renders `node`; a non-nil `override(n)` is emitted instead of node `n`'s HTML.
  ///
  /// With `headingIDs` on (the default; a deliberate deviation from cmark) every
  /// heading gets `id="slug"` from its text, deduplicated with `-2`, `-3` … in
  /// document order.
  public static func render(
    _ node: MarkdownNode, headingIDs: Bool = true,
    override: ((MarkdownNode) -> String?)? = nil
  ) -> String {
    var renderer = Renderer(headingIDs: headingIDs, override: override)
    renderer.render(node)
    return String(decoding: renderer.out, as: UTF8.self)
  }
}

/// One rendering pass: the output buffer and the heading ids handed out so far.
private struct Renderer {
  let headingIDs: Bool
  let override: ((MarkdownNode) -> String?)?
  var out: [UInt8] = []
  var usedIDs: Set<String> = []

  init(headingIDs: Bool, override: ((MarkdownNode) -> String?)?) {
    self.headingIDs = headingIDs
    self.override = override
    out.reserveCapacity(8192)
  }

  /// A step of the iterative walk; `tight` says the node sits in a tight list item,
  /// where cmark omits `<p>` tags.
  private enum Step {
    case enter(MarkdownNode, tight: Bool)
    case exit(MarkdownNode, tight: Bool)
  }

  mutating func render(_ root: MarkdownNode) {
    // An explicit stack instead of recursion: render workers run on threads
    // with small stacks, and block quotes may nest arbitrarily deep.
    var stack: [Step] = [.enter(root, tight: false)]
    while let step = stack.popLast() {
      switch step {
      case .exit(let node, let tight):
        leave(node, tight: tight)
      case .enter(let node, let tight):
        if let override, let replacement = override(node) {
          out.append(contentsOf: replacement.utf8)
          continue
        }
        guard enter(node, tight: tight) else { continue }
        stack.append(.exit(node, tight: tight))
        let childTight: Bool
        switch node.kind {
        case .list: childTight = node.listTight ?? false
        case .item: childTight = tight
        default: childTight = false
        }
        for child in node.children.reversed() {
          stack.append(.enter(child, tight: childTight))
        }
      }
    }
  }

  private mutating func put(_ text: StaticString) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  /// cmark's `cr()`: start a new line unless already at one.
  private mutating func cr() {
    if let last = out.last, last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
  }

  /// Emits the opening HTML; returns false for leaves (no children, no exit step).
  private mutating func enter(_ node: MarkdownNode, tight: Bool) -> Bool {
    switch node.kind {
    case .document:
      return true
    case .blockQuote:
      cr()
      put("<blockquote>\n")
    case .list:
      cr()
      if node.listOrdered != true {
        put("<ul>\n")
      } else if let start = node.listStart, start != 1 {
        put("<ol start=\"")
        out.append(contentsOf: String(start).utf8)
        put("\">\n")
      } else {
        put("<ol>\n")
      }
    case .item:
      cr()
      put("<li>")
    case .heading:
      cr()
      let level = UInt8(ascii: "0") + UInt8(clamping: min(max(node.headingLevel ?? 1, 1), 6))
      put("<h")
      out.append(level)
      if headingIDs {
        put(" id=\"")
        HTMLEscaping.escapeText(uniqueID(for: node), into: &out)
        put("\"")
      }
      put(">")
    case .codeBlock:
      cr()
      if let info = node.info, !info.isEmpty {
        put("<pre><code class=\"language-")
        // cmark uses the info string's first word, up to the first whitespace.
        let word = info.utf8.prefix { !HTMLEscaping.isSpace($0) }
        HTMLEscaping.escapeText(word, into: &out)
        put("\">")
      } else {
        put("<pre><code>")
      }
      HTMLEscaping.escapeText(node.literal ?? "", into: &out)
      put("</code></pre>\n")
      return false
    case .htmlBlock:
      cr()
      out.append(contentsOf: (node.literal ?? "").utf8)
      cr()
      return false
    case .customBlock:
      cr()
      out.append(contentsOf: (node.onEnter ?? "").utf8)
      cr()
    case .paragraph:
      if !tight {
        cr()
        put("<p>")
      }
    case .thematicBreak:
      cr()
      put("<hr />\n")
      return false
    case .text:
      HTMLEscaping.escapeText(node.literal ?? "", into: &out)
      return false
    case .softBreak:
      out.append(UInt8(ascii: "\n"))
      return false
    case .lineBreak:
      put("<br />\n")
      return false
    case .code:
      put("<code>")
      HTMLEscaping.escapeText(node.literal ?? "", into: &out)
      put("</code>")
      return false
    case .htmlInline:
      out.append(contentsOf: (node.literal ?? "").utf8)
      return false
    case .customInline:
      out.append(contentsOf: (node.onEnter ?? "").utf8)
    case .emphasis:
      put("<em>")
    case .strong:
      put("<strong>")
    case .link:
      put("<a href=\"")
      HTMLEscaping.escapeHref(node.url ?? "", into: &out)
      if let title = node.title, !title.isEmpty {
        put("\" title=\"")
        HTMLEscaping.escapeText(title, into: &out)
      }
      put("\">")
    case .image:
      put("<img src=\"")
      HTMLEscaping.escapeHref(node.url ?? "", into: &out)
      put("\" alt=\"")
      for child in node.children { appendAlt(child) }
      if let title = node.title, !title.isEmpty {
        put("\" title=\"")
        HTMLEscaping.escapeText(title, into: &out)
      }
      put("\" />")
      return false
    }
    return true
  }

  /// Emits the closing HTML of a container.
  private mutating func leave(_ node: MarkdownNode, tight: Bool) {
    switch node.kind {
    case .blockQuote:
      cr()
      put("</blockquote>\n")
    case .list:
      if node.listOrdered == true { put("</ol>\n") } else { put("</ul>\n") }
    case .item:
      put("</li>\n")
    case .heading:
      put("</h")
      out.append(UInt8(ascii: "0") + UInt8(clamping: min(max(node.headingLevel ?? 1, 1), 6)))
      put(">\n")
    case .customBlock:
      cr()
      out.append(contentsOf: (node.onExit ?? "").utf8)
      cr()
    case .paragraph:
      if !tight { put("</p>\n") }
    case .customInline:
      out.append(contentsOf: (node.onExit ?? "").utf8)
    case .emphasis:
      put("</em>")
    case .strong:
      put("</strong>")
    case .link:
      put("</a>")
    default:
      break
    }
  }

  /// cmark's "plain" mode inside image alt text: literals escaped, breaks as spaces.
  private mutating func appendAlt(_ root: MarkdownNode) {
    var stack = [root]
    while let node = stack.popLast() {
      switch node.kind {
      case .text, .code, .htmlInline:
        HTMLEscaping.escapeText(node.literal ?? "", into: &out)
      case .softBreak, .lineBreak:
        out.append(UInt8(ascii: " "))
      default:
        stack.append(contentsOf: node.children.reversed())
      }
    }
  }

  /// The heading's slug, suffixed `-2`, `-3` … when already used on this page.
  private mutating func uniqueID(for heading: MarkdownNode) -> String {
    let base = slug(heading.plainText, fallback: "section")
    var candidate = base
    var counter = 2
    while usedIDs.contains(candidate) {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    usedIDs.insert(candidate)
    return candidate
  }
}
