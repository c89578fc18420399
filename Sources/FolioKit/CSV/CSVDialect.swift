/// How a CSV file separates, quotes and escapes fields (Athena's OpenCSVSerde defaults).
public struct CSVDialect: Sendable, Equatable {
  public var separator: UInt8
  public var quote: UInt8
  /// The escape byte; `nil` turns escaping off.
  public var escape: UInt8?

  /// Creates a dialect; the defaults are `,`, `"` and `\`.
  public init(
    separator: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""),
    escape: UInt8? = UInt8(ascii: "\\")
  ) {
    self.separator = separator
    self.quote = quote
    self.escape = escape
  }
}
