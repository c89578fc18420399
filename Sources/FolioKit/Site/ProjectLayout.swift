import Foundation

/// Where a project's inputs and outputs live. The repository root is the sample project.
public struct ProjectLayout: Sendable {
  public var root: URL
  public var data: URL
  public var output: URL
  public var config: URL
  /// True when the config path was given on the command line (then it must exist).
  public var configRequired: Bool

  public var pipeline: URL { root.appendingPathComponent("pipeline") }
  public var templates: URL { root.appendingPathComponent("templates") }
  public var assets: URL { root.appendingPathComponent("assets") }

  public init(root: URL, data: URL? = nil, output: URL? = nil, config: URL? = nil) {
    self.root = root.standardizedFileURL
    self.data = (data ?? root.appendingPathComponent("data")).standardizedFileURL
    self.output = (output ?? root.appendingPathComponent("output")).standardizedFileURL
    self.config = (config ?? root.appendingPathComponent("folio.json")).standardizedFileURL
    self.configRequired = config != nil
  }

  /// A path as messages show it: relative to the project when inside it.
  public func display(_ url: URL) -> String {
    display(path: url.standardizedFileURL.path)
  }

  /// As `display(_:)`, for a path that is already standard (built from this layout's folders).
  public func display(path: String) -> String {
    let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
  }
}
