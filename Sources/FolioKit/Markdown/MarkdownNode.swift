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

  public var kind: Kind
  public var children: [MarkdownNode]
  /// Text of text, code, code block, html block and html inline nodes.
  public var literal: String?
  /// Start line as cmark reports it (1-based).
  public var line: Int
  /// Start column as cmark reports it (1-based, in UTF-8 bytes).
  public var column: Int
  /// The attributes only some kinds have, in one shared immutable object: it
  /// keeps nodes small to copy, and its `let` fields need no exclusivity checks.
  private var extra: Extra

  final class Extra: Sendable {
    let info: String?
    let url: String?
    let title: String?
    let headingLevel: Int?
    let listStart: Int?
    let listOrdered: Bool?
    let listTight: Bool?
    let onEnter: String?
    let onExit: String?
    let endLine: Int
    let endColumn: Int

    static let empty = Extra()

    init(
      info: String? = nil,
      url: String? = nil,
      title: String? = nil,
      headingLevel: Int? = nil,
      listStart: Int? = nil,
      listOrdered: Bool? = nil,
      listTight: Bool? = nil,
      onEnter: String? = nil,
      onExit: String? = nil,
      endLine: Int = 0,
      endColumn: Int = 0
    ) {
      self.info = info
      self.url = url
      self.title = title
      self.headingLevel = headingLevel
      self.listStart = listStart
      self.listOrdered = listOrdered
      self.listTight = listTight
      self.onEnter = onEnter
      self.onExit = onExit
      self.endLine = endLine
      self.endColumn = endColumn
    }

    /// A copy with one field changed through `change`.
    func with(_ change: (inout Fields) -> Void) -> Extra {
      var fields = Fields(
        info: info,
        url: url,
        title: title,
        headingLevel: headingLevel,
        listStart: listStart,
        listOrdered: listOrdered,
        listTight: listTight,
        onEnter: onEnter,
        onExit: onExit,
        endLine: endLine,
        endColumn: endColumn)
      change(&fields)
      return Extra(
        info: fields.info,
        url: fields.url,
        title: fields.title,
        headingLevel: fields.headingLevel,
        listStart: fields.listStart,
        listOrdered: fields.listOrdered,
        listTight: fields.listTight,
        onEnter: fields.onEnter,
        onExit: fields.onExit,
        endLine: fields.endLine,
        endColumn: fields.endColumn)
    }

    struct Fields {
      var info: String?
      var url: String?
      var title: String?
      var headingLevel: Int?
      var listStart: Int?
      var listOrdered: Bool?
      var listTight: Bool?
      var onEnter: String?
      var onExit: String?
      var endLine: Int
      var endColumn: Int
    }
  }

  /// The info string of a fenced code block (after cmark's unescaping), nil when empty.
  public var info: String? {
    get { extra.info }
    set { extra = extra.with { $0.info = newValue } }
  }

  /// Destination of a link or image.
  public var url: String? {
    get { extra.url }
    set { extra = extra.with { $0.url = newValue } }
  }

  /// Title of a link or image, nil when empty.
  public var title: String? {
    get { extra.title }
    set { extra = extra.with { $0.title = newValue } }
  }

  /// 1...6 for headings.
  public var headingLevel: Int? {
    get { extra.headingLevel }
    set { extra = extra.with { $0.headingLevel = newValue } }
  }

  /// First number of an ordered list.
  public var listStart: Int? {
    get { extra.listStart }
    set { extra = extra.with { $0.listStart = newValue } }
  }

  /// True for ordered lists, false for bullet lists.
  public var listOrdered: Bool? {
    get { extra.listOrdered }
    set { extra = extra.with { $0.listOrdered = newValue } }
  }

  /// True when cmark judged the list tight (no `<p>` in its items).
  public var listTight: Bool? {
    get { extra.listTight }
    set { extra = extra.with { $0.listTight = newValue } }
  }

  /// Raw HTML emitted on entering a custom block or inline.
  public var onEnter: String? {
    get { extra.onEnter }
    set { extra = extra.with { $0.onEnter = newValue } }
  }

  /// Raw HTML emitted on leaving a custom block or inline.
  public var onExit: String? {
    get { extra.onExit }
    set { extra = extra.with { $0.onExit = newValue } }
  }

  /// End line of a block as cmark reports it (0 for inline nodes).
  public var endLine: Int {
    get { extra.endLine }
    set { extra = extra.with { $0.endLine = newValue } }
  }

  /// End column of a block as cmark reports it (0 for inline nodes).
  public var endColumn: Int {
    get { extra.endColumn }
    set { extra = extra.with { $0.endColumn = newValue } }
  }

  public init(
    kind: Kind, children: [MarkdownNode] = [], literal: String? = nil, info: String? = nil,
    url: String? = nil, title: String? = nil, headingLevel: Int? = nil, listStart: Int? = nil,
    listOrdered: Bool? = nil, listTight: Bool? = nil, onEnter: String? = nil,
    onExit: String? = nil, line: Int = 0, column: Int = 0, endLine: Int = 0, endColumn: Int = 0
  ) {
    self.kind = kind
    self.children = children
    self.literal = literal
    self.line = line
    self.column = column
    let hasExtra = info != nil || url != nil || title != nil || headingLevel != nil
      || listStart != nil || listOrdered != nil || listTight != nil || onEnter != nil
      || onExit != nil || endLine != 0 || endColumn != 0
    extra = hasExtra ? Extra(
        info: info,
        url: url,
        title: title,
        headingLevel: headingLevel,
        listStart: listStart,
        listOrdered: listOrdered,
        listTight: listTight,
        onEnter: onEnter,
        onExit: onExit,
        endLine: endLine,
        endColumn: endColumn) : .empty
  }

  public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool {
    guard lhs.kind == rhs.kind, lhs.literal == rhs.literal, lhs.line == rhs.line,
      lhs.column == rhs.column
    else { return false }
    let (a, b) = (lhs.extra, rhs.extra)
    if a !== b {
      guard a.info == b.info
        && a.url == b.url
        && a.title == b.title
        && a.headingLevel == b.headingLevel
        && a.listStart == b.listStart
        && a.listOrdered == b.listOrdered
        && a.listTight == b.listTight
        && a.onEnter == b.onEnter
        && a.onExit == b.onExit
        && a.endLine == b.endLine
        && a.endColumn == b.endColumn
      else { return false }
    }
    return lhs.children == rhs.children
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
