/// A small tokenizer and tree builder for the HTML Folio itself writes: quoted
/// attributes, void elements, entities, comments, and `<svg>` subtrees kept whole.
/// It is not a general HTML5 parser: stray end tags are dropped and unclosed
/// elements are closed at the end of the input.
public enum HTMLTokenizer {
  /// Parses a fragment into nodes.
  public static func parse(_ html: String) -> [HTMLNode] {
    let s = Array(html.utf8)
    var i = 0
    // The stack of open elements; index 0 is a synthetic root.
    var stack: [HTMLElement] = [HTMLElement("#root")]
    var text: [UInt8] = []

    func flushText() {
      guard !text.isEmpty else { return }
      stack[stack.count - 1].children.append(.text(String(decoding: text, as: UTF8.self)))
      text = []
    }
    func append(_ node: HTMLNode) {
      flushText()
      stack[stack.count - 1].children.append(node)
    }
    func closeTop() {
      let done = stack.removeLast()
      stack[stack.count - 1].children.append(.element(done))
    }
    func starts(_ prefix: String, at k: Int) -> Bool {
      let p = Array(prefix.utf8)
      guard k + p.count <= s.count else { return false }
      for j in 0..<p.count where lower(s[k + j]) != p[j] { return false }
      return true
    }
    func find(_ needle: String, from k: Int) -> Int? {
      var j = k
      while j < s.count {
        if starts(needle, at: j) { return j }
        j += 1
      }
      return nil
    }

    while i < s.count {
      let b = s[i]
      guard b == UInt8(ascii: "<"), i + 1 < s.count else {
        text.append(b)
        i += 1
        continue
      }
      if starts("<!--", at: i) {
        let end = (find("-->", from: i + 4) ?? s.count - 3) + 3
        append(.raw(String(decoding: s[i..<min(end, s.count)], as: UTF8.self)))
        i = min(end, s.count)
        continue
      }
      if s[i + 1] == UInt8(ascii: "!") || s[i + 1] == UInt8(ascii: "?") {
        let end = (find(">", from: i) ?? s.count - 1) + 1
        append(.raw(String(decoding: s[i..<end], as: UTF8.self)))
        i = end
        continue
      }
      if s[i + 1] == UInt8(ascii: "/") {
        var j = i + 2
        var name: [UInt8] = []
        while j < s.count, isNameByte(s[j]) {
          name.append(lower(s[j]))
          j += 1
        }
        let end = (find(">", from: j) ?? s.count - 1) + 1
        let tag = String(decoding: name, as: UTF8.self)
        flushText()
        if let depth = stack.lastIndex(where: { $0.name == tag }), depth > 0 {
          while stack.count > depth { closeTop() }
        }
        i = end
        continue
      }
      guard isLetter(s[i + 1]) else {
        text.append(b)
        i += 1
        continue
      }
      if starts("<svg", at: i), i + 4 < s.count, !isNameByte(s[i + 4]) {
        let end = svgEnd(s, from: i)
        append(.svg(String(decoding: s[i..<end], as: UTF8.self)))
        i = end
        continue
      }
      let (element, selfClosing, next) = startTag(s, at: i)
      i = next
      flushText()
      if element.name == "script" || element.name == "style" || element.name == "textarea"
        || element.name == "title"
      {
        let close = find("</" + element.name, from: i) ?? s.count
        var e = element
        if close > i {
          e.children = [
            element.name == "title" || element.name == "textarea"
              ? .text(String(decoding: s[i..<close], as: UTF8.self))
              : .raw(String(decoding: s[i..<close], as: UTF8.self))
          ]
        }
        append(.element(e))
        i = min(s.count, (find(">", from: close) ?? s.count - 1) + 1)
        continue
      }
      if element.isVoid || selfClosing {
        append(.element(element))
      } else {
        stack.append(element)
      }
    }
    flushText()
    while stack.count > 1 { closeTop() }
    return stack[0].children
  }

  /// Serialises nodes back to HTML.
  public static func serialize(_ nodes: [HTMLNode]) -> String {
    nodes.map(\.html).joined()
  }

  /// The end offset of an `<svg>` subtree starting at `start`, counting nested svgs.
  static func svgEnd(_ s: [UInt8], from start: Int) -> Int {
    var depth = 0
    var j = start
    while j < s.count {
      if s[j] == UInt8(ascii: "<") {
        let isClose = j + 1 < s.count && s[j + 1] == UInt8(ascii: "/")
        let k = isClose ? j + 2 : j + 1
        if k + 3 <= s.count, lower(s[k]) == 0x73, lower(s[k + 1]) == 0x76, lower(s[k + 2]) == 0x67,
          k + 3 == s.count || !isNameByte(s[k + 3])
        {
          var end = j
          while end < s.count, s[end] != UInt8(ascii: ">") { end += 1 }
          let selfClosing = end > 0 && end < s.count && s[end - 1] == UInt8(ascii: "/")
          if isClose {
            depth -= 1
          } else if !selfClosing {
            depth += 1
          }
          j = min(end + 1, s.count)
          if depth <= 0 { return j }
          continue
        }
      }
      j += 1
    }
    return s.count
  }

  /// Reads `<name attr="v" flag>`; returns the element, whether it ended in `/>`, and
  /// the offset after `>`.
  static func startTag(_ s: [UInt8], at start: Int) -> (HTMLElement, Bool, Int) {
    var j = start + 1
    var name: [UInt8] = []
    while j < s.count, isNameByte(s[j]) {
      name.append(lower(s[j]))
      j += 1
    }
    var attributes: [(name: String, value: String?)] = []
    var selfClosing = false
    while j < s.count {
      while j < s.count, isSpace(s[j]) { j += 1 }
      guard j < s.count else { break }
      if s[j] == UInt8(ascii: ">") {
        j += 1
        break
      }
      if s[j] == UInt8(ascii: "/") {
        selfClosing = true
        j += 1
        continue
      }
      var key: [UInt8] = []
      while j < s.count, !isSpace(s[j]), s[j] != UInt8(ascii: "="), s[j] != UInt8(ascii: ">"),
        !(s[j] == UInt8(ascii: "/") && j + 1 < s.count && s[j + 1] == UInt8(ascii: ">"))
      {
        key.append(lower(s[j]))
        j += 1
      }
      selfClosing = false
      while j < s.count, isSpace(s[j]) { j += 1 }
      var value: String?
      if j < s.count, s[j] == UInt8(ascii: "=") {
        j += 1
        while j < s.count, isSpace(s[j]) { j += 1 }
        if j < s.count, s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") {
          let quote = s[j]
          var k = j + 1
          while k < s.count, s[k] != quote { k += 1 }
          value = decodeEntities(String(decoding: s[(j + 1)..<k], as: UTF8.self))
          j = min(k + 1, s.count)
        } else {
          var k = j
          while k < s.count, !isSpace(s[k]), s[k] != UInt8(ascii: ">") { k += 1 }
          value = decodeEntities(String(decoding: s[j..<k], as: UTF8.self))
          j = k
        }
      }
      if !key.isEmpty { attributes.append((String(decoding: key, as: UTF8.self), value)) }
    }
    return (HTMLElement(String(decoding: name, as: UTF8.self), attributes), selfClosing, j)
  }

  /// Decodes the named entities Folio and cmark write plus numeric references.
  public static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    let named: [Substring: String] = [
      "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "mdash": "—",
      "ndash": "–", "hellip": "…", "middot": "·", "copy": "©", "rsquo": "’", "lsquo": "‘",
      "rdquo": "”", "ldquo": "“",
    ]
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      if let semi = after.prefix(12).firstIndex(of: ";") {
        let name = after[..<semi]
        var decoded: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        } else if name.hasPrefix("#") {
          decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map {
            String(Character($0))
          }
        } else {
          decoded = named[name]
        }
        if let decoded {
          out += decoded
          rest = after[after.index(after: semi)...]
          continue
        }
      }
      out += "&"
      rest = after
    }
    return out + rest
  }

  static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
  static func isNameByte(_ b: UInt8) -> Bool {
    isLetter(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
      || b == UInt8(ascii: "_")
  }
  static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
}
