/// One node of a parsed Markdown document: a plain Swift copy of a cmark node.
///
/// The tree owns no C memory, so it can be kept, shared across threads and
/// rewritten freely by the pages layer before rendering.
public struct MarkdownNode: Sendable, Equatable {
  /// Every node type libcmark 0.30 produces.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
    case paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline
    case emphasis, strong, link, image

    /// True for block-level kinds (the ones cmark renders on their own lines).
    public var isBlock: Bool {
      switch self {
      case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock,
        .paragraph, .heading, .thematicBreak:
        return true
      default:
        return false
      }
    }
  }

  /// Copy-on-write storage: a node is one reference, so walking and rebuilding
  /// trees copies a pointer instead of sixteen fields.
  final class Storage: @unchecked Sendable {
    // Sendable is sound: storage shared by two nodes is never mutated, since
    // every setter goes through `makeUnique` first.
    var kind: Kind
    var children: [MarkdownNode]
    var literal: String?
    var info: String?
    var url: String?
    var title: String?
    var headingLevel: Int?
    var listStart: Int?
    var listOrdered: Bool?
    var listTight: Bool?
    var onEnter: String?
    var onExit: String?
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int

    init(
      kind: Kind,
      children: [MarkdownNode],
      literal: String?,
      info: String?,
      url: String?,
      title: String?,
      headingLevel: Int?,
      listStart: Int?,
      listOrdered: Bool?,
      listTight: Bool?,
      onEnter: String?,
      onExit: String?,
      line: Int,
      column: Int,
      endLine: Int,
      endColumn: Int
    ) {
      self.kind = kind
      self.children = children
      self.literal = literal
      self.info = info
      self.url = url
      self.title = title
      self.headingLevel = headingLevel
      self.listStart = listStart
      self.listOrdered = listOrdered
      self.listTight = listTight
      self.onEnter = onEnter
      self.onExit = onExit
      self.line = line
      self.column = column
      self.endLine = endLine
      self.endColumn = endColumn
    }

    func copy() -> Storage {
      Storage(
        kind: kind,
        children: children,
        literal: literal,
        info: info,
        url: url,
        title: title,
        headingLevel: headingLevel,
        listStart: listStart,
        listOrdered: listOrdered,
        listTight: listTight,
        onEnter: onEnter,
        onExit: onExit,
        line: line,
        column: column,
        endLine: endLine,
        endColumn: endColumn)
    }
  }

  var storage: Storage

  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
  }

  public var kind: Kind {
    get { storage.kind }
    _modify {
      makeUnique()
      yield &storage.kind
    }
  }

  public var children: [MarkdownNode] {
    get { storage.children }
    _modify {
      makeUnique()
      yield &storage.children
    }
  }

  /// Text of text, code, code block, html block and html inline nodes.
  public var literal: String? {
    get { storage.literal }
    _modify {
      makeUnique()
      yield &storage.literal
    }
  }

  /// The info string of a fenced code block (after cmark's unescaping), nil when empty.
  public var info: String? {
    get { storage.info }
    _modify {
      makeUnique()
      yield &storage.info
    }
  }

  /// Destination of a link or image.
  public var url: String? {
    get { storage.url }
    _modify {
      makeUnique()
      yield &storage.url
    }
  }

  /// Title of a link or image, nil when empty.
  public var title: String? {
    get { storage.title }
    _modify {
      makeUnique()
      yield &storage.title
    }
  }

  /// 1...6 for headings.
  public var headingLevel: Int? {
    get { storage.headingLevel }
    _modify {
      makeUnique()
      yield &storage.headingLevel
    }
  }

  /// First number of an ordered list.
  public var listStart: Int? {
    get { storage.listStart }
    _modify {
      makeUnique()
      yield &storage.listStart
    }
  }

  /// True for ordered lists, false for bullet lists.
  public var listOrdered: Bool? {
    get { storage.listOrdered }
    _modify {
      makeUnique()
      yield &storage.listOrdered
    }
  }

  /// True when cmark judged the list tight (no `<p>` in its items).
  public var listTight: Bool? {
    get { storage.listTight }
    _modify {
      makeUnique()
      yield &storage.listTight
    }
  }

  /// Raw HTML emitted on entering a custom block or inline.
  public var onEnter: String? {
    get { storage.onEnter }
    _modify {
      makeUnique()
      yield &storage.onEnter
    }
  }

  /// Raw HTML emitted on leaving a custom block or inline.
  public var onExit: String? {
    get { storage.onExit }
    _modify {
      makeUnique()
      yield &storage.onExit
    }
  }

  /// Start line as cmark reports it (1-based).
  public var line: Int {
    get { storage.line }
    _modify {
      makeUnique()
      yield &storage.line
    }
  }

  /// Start column as cmark reports it (1-based, in UTF-8 bytes).
  public var column: Int {
    get { storage.column }
    _modify {
      makeUnique()
      yield &storage.column
    }
  }

  /// End line as cmark reports it.
  public var endLine: Int {
    get { storage.endLine }
    _modify {
      makeUnique()
      yield &storage.endLine
    }
  }

  /// End column as cmark reports it.
  public var endColumn: Int {
    get { storage.endColumn }
    _modify {
      makeUnique()
      yield &storage.endColumn
    }
  }

  public init(
    kind: Kind,
    children: [MarkdownNode] = [],
    literal: String? = nil,
    info: String? = nil,
    url: String? = nil,
    title: String? = nil,
    headingLevel: Int? = nil,
    listStart: Int? = nil,
    listOrdered: Bool? = nil,
    listTight: Bool? = nil,
    onEnter: String? = nil,
    onExit: String? = nil,
    line: Int = 0,
    column: Int = 0,
    endLine: Int = 0,
    endColumn: Int = 0
  ) {
    storage = Storage(
      kind: kind,
      children: children,
      literal: literal,
      info: info,
      url: url,
      title: title,
      headingLevel: headingLevel,
      listStart: listStart,
      listOrdered: listOrdered,
      listTight: listTight,
      onEnter: onEnter,
      onExit: onExit,
      line: line,
      column: column,
      endLine: endLine,
      endColumn: endColumn)
  }

  public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
    let (a, b) = (lhs.storage, rhs.storage)
    if a === b { return true }
    return a.kind == b.kind
      && a.literal == b.literal
      && a.info == b.info
      && a.url == b.url
      && a.title == b.title
      && a.headingLevel == b.headingLevel
      && a.listStart == b.listStart
      && a.listOrdered == b.listOrdered
      && a.listTight == b.listTight
      && a.onEnter == b.onEnter
      && a.onExit == b.onExit
      && a.line == b.line
      && a.column == b.column
      && a.endLine == b.endLine
      && a.endColumn == b.endColumn
      && a.children == b.children
  }

  /// The text a reader sees: literals of text and code, breaks as spaces.
  public var plainText: String {
    var out = ""
    appendPlainText(to: &out)
    return out
  }

  func appendPlainText(to out: inout String) {
    switch kind {
    case .text, .code:
      out += literal ?? ""
    case .softBreak, .lineBreak:
      out += " "
    default:
      for child in children { child.appendPlainText(to: &out) }
    }
  }

  /// Calls `visit` for this node and every descendant, parents first, in document order.
  public func forEach(_ visit: (MarkdownNode) throws -> Void) rethrows {
    var stack: [MarkdownNode] = [self]
    while let node = stack.popLast() {
      try visit(node)
      stack.append(contentsOf: node.children.reversed())
    }
  }
}
