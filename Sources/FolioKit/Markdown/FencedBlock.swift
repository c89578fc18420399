/// A fenced code block whose info string names a component (or `sql NAME`).
public struct FencedBlock: Sendable, Equatable {
  /// The parsed info string.
  public var directive: Directive
  /// The block's text (SQL, or a component's body), without the fences.
  public var content: String
  /// 1-based file line of the opening fence.
  public var line: Int
  /// 1-based character column of the opening fence in its line.
  public var column: Int
  /// 1-based file line of the closing fence.
  public var endLine: Int
  /// 1-based file line where `content` starts (the line after the fence).
  public var contentLine: Int

  public init(
    directive: Directive, content: String, line: Int, column: Int, endLine: Int, contentLine: Int
  ) {
    self.directive = directive
    self.content = content
    self.line = line
    self.column = column
    self.endLine = endLine
    self.contentLine = contentLine
  }
}
