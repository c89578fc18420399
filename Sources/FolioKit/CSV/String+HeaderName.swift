extension String {
  /// The text without leading and trailing whitespace (header names are trimmed, values not).
  func trimmingHeaderWhitespace() -> String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s.removeFirst() }
    while let c = s.last, c.isWhitespace { s.removeLast() }
    return String(s)
  }
}

