import Foundation
import FoundationXML
import Testing

/// Golden SVG files: compared line by line, re-recorded with `FOLIO_RECORD=1`.
enum ChartSnapshot {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots/Charts")

  /// Checks that `svg` parses as XML and matches the golden file `name.svg`.
  static func check(_ svg: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertWellFormed(svg, sourceLocation: sourceLocation)
    let url = folder.appendingPathComponent(name + ".svg")
    if ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1" {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? svg.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("missing golden \(name).svg — run with FOLIO_RECORD=1 to record it", sourceLocation: sourceLocation)
      return
    }
    if golden != svg {
      Issue.record(Comment(rawValue: "\(name).svg differs:\n" + diff(golden, svg)), sourceLocation: sourceLocation)
    }
  }

  /// Parses the SVG with FoundationXML; records an issue when it is not well-formed XML.
  static func assertWellFormed(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      let doc = try XMLDocument(xmlString: svg, options: [])
      #expect(doc.rootElement()?.name == "svg", sourceLocation: sourceLocation)
    } catch {
      Issue.record("SVG is not well-formed: \(error)", sourceLocation: sourceLocation)
    }
  }

  /// A readable diff: SVG is split at tags, and the first differing pieces are shown.
  static func diff(_ a: String, _ b: String) -> String {
    let la = a.replacingOccurrences(of: "><", with: ">\n<").split(separator: "\n", omittingEmptySubsequences: false)
    let lb = b.replacingOccurrences(of: "><", with: ">\n<").split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    var i = 0
    while i < max(la.count, lb.count) && out.count < 24 {
      let x = i < la.count ? String(la[i]) : nil
      let y = i < lb.count ? String(lb[i]) : nil
      if x != y {
        out.append("line \(i + 1):")
        if let x { out.append("- " + x) }
        if let y { out.append("+ " + y) }
      }
      i += 1
    }
    return out.joined(separator: "\n")
  }
}
