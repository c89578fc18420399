import Foundation

/// Crawls a built site folder and reports every internal link or asset that
/// points nowhere, and every absolute or external reference (the web share
/// must work from `file://`, under any sub-path, with no network).
public enum LinkChecker {
  public struct Problem: Sendable, Equatable, CustomStringConvertible {
    public var page: String
    public var reference: String
    public var reason: String
    public var description: String { "\(page): \(reference): \(reason)" }
  }

  /// Checks every `.html` file below `root`.
  public static func check(root: URL) throws -> [Problem] {
    var problems: [Problem] = []
    for path in try InputFingerprint.files(under: root) where path.hasSuffix(".html") {
      let html = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
      let folder = (path as NSString).deletingLastPathComponent
      for reference in references(in: html) {
        if let reason = external(reference) {
          problems.append(Problem(page: path, reference: reference, reason: reason))
          continue
        }
        if reference.hasPrefix("#") || reference.hasPrefix("mailto:") || reference.hasPrefix("cid:") { continue }
        var target = reference
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        target = target.removingPercentEncoding ?? target
        let resolved = root.appendingPathComponent(folder.isEmpty ? target : folder + "/" + target)
          .standardizedFileURL
        guard resolved.path.hasPrefix(root.standardizedFileURL.path + "/") else {
          problems.append(Problem(page: path, reference: reference, reason: "leaves the site folder"))
          continue
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory)
        if !exists || isDirectory.boolValue {
          problems.append(Problem(page: path, reference: reference, reason: exists ? "is a folder (file:// shows no index)" : "does not exist"))
        }
      }
    }
    return problems
  }

  /// Why a reference would need the network or a server root; nil when it is relative.
  static func external(_ reference: String) -> String? {
    let lower = reference.lowercased()
    if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") { return "external request" }
    if lower.hasPrefix("/") { return "absolute path (breaks under a sub-path and from file://)" }
    if lower.hasPrefix("data:") || lower.hasPrefix("javascript:") { return "inline \(lower.prefix(while: { $0 != ":" })) URL" }
    return nil
  }

  /// Values of `href`, `src` and CSS `url(...)` references, HTML entities decoded.
  static func references(in html: String) -> [String] {
    var found: [String] = []
    let scanner = html.utf8
    let bytes = Array(scanner)
    var i = 0
    let patterns: [[UInt8]] = [Array(" href=\"".utf8), Array(" src=\"".utf8)]
    while i < bytes.count {
      var matched = false
      for pattern in patterns where i + pattern.count <= bytes.count && bytes[i] == pattern[0] {
        if Array(bytes[i..<(i + pattern.count)]) == pattern {
          var j = i + pattern.count
          while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += 1 }
          let raw = String(decoding: bytes[(i + pattern.count)..<j], as: UTF8.self)
          found.append(raw.replacingOccurrences(of: "&amp;", with: "&"))
          i = j
          matched = true
          break
        }
      }
      if !matched { i += 1 }
    }
    return found
  }
}
