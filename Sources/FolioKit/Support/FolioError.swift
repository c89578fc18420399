import Foundation

/// The stage of a build in which an error happened; printed in front of every message.
public enum BuildStage: String, Sendable, CaseIterable {
  case usage, config, ingest, pipeline, render, write, email
}

/// The one user-facing error: where it happened and what to do about it.
///
/// Its `description` reads `path:line:column: message`, followed by the offending
/// line quoted, as compilers and Hugo print them.
public struct FolioError: Error, CustomStringConvertible, Equatable, Sendable {
  public var stage: BuildStage
  public var path: String?
  public var line: Int?
  public var column: Int?
  public var message: String
  /// The source line the error points at, quoted under the message.
  public var excerpt: String?

  public init(
    _ stage: BuildStage, _ message: String, path: String? = nil, line: Int? = nil,
    column: Int? = nil, excerpt: String? = nil
  ) {
    self.stage = stage
    self.message = message
    self.path = path
    self.line = line
    self.column = column
    self.excerpt = excerpt
  }

  /// `path:line:col: message` — the location part shrinks to what is known.
  public var location: String {
    guard let path else { return "" }
    var text = path
    if let line { text += ":\(line)" }
    if let line = line, line > 0, let column { text += ":\(column)" }
    return text
  }

  public var description: String {
    let head = location.isEmpty ? message : "\(location): \(message)"
    guard let excerpt, !excerpt.isEmpty else { return head }
    return head + "\n    " + excerpt
  }
}

/// Several errors found in one pass (for example every bad row of a file).
public struct FolioErrors: Error, CustomStringConvertible, Sendable {
  public var errors: [FolioError]
  public var omitted: Int

  public init(_ errors: [FolioError], omitted: Int = 0) {
    self.errors = errors
    self.omitted = omitted
  }

  public var description: String {
    var lines = errors.map(\.description)
    if omitted > 0 { lines.append("... and \(omitted) more problems") }
    return lines.joined(separator: "\n")
  }
}
