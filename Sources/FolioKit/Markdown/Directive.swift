/// A component written as a fenced code block's info string, such as
/// `chart line data=trend x=month title="Stability" down-is-good`.
///
/// The first word is the `name`; bare words before the first `key=value` are
/// `arguments` (in order); after that, `key=value` pairs and bare flags (value
/// `"true"`) are `options`, in order, keys lower-cased, values unquoted.
public struct Directive: Sendable, Equatable {
  /// One `key=value` pair or bare flag.
  public struct Option: Sendable, Equatable {
    /// Lower-cased name.
    public var key: String
    /// Unquoted value; `"true"` for a flag.
    public var value: String
    /// True for a bare word like `down-is-good`.
    public var isFlag: Bool
    /// 1-based character column of the key in the file line.
    public var column: Int
    /// 1-based character column of the value (its opening quote when quoted).
    public var valueColumn: Int

    public init(key: String, value: String, isFlag: Bool = false, column: Int, valueColumn: Int) {
      self.key = key
      self.value = value
      self.isFlag = isFlag
      self.column = column
      self.valueColumn = valueColumn
    }
  }

  public var name: String
  /// Bare words between the name and the first option, in order.
  public var arguments: [String]
  /// 1-based character column of each argument, parallel to `arguments`.
  public var argumentColumns: [Int]
  public var options: [Option]
  /// 1-based file line of the fence.
  public var line: Int
  /// 1-based character column of the name in the file line.
  public var column: Int

  public init(
    name: String, arguments: [String] = [], argumentColumns: [Int]? = nil, options: [Option] = [],
    line: Int = 0, column: Int = 0
  ) {
    self.name = name
    self.arguments = arguments
    self.argumentColumns = argumentColumns ?? Array(repeating: 0, count: arguments.count)
    self.options = options
    self.line = line
    self.column = column
  }

  /// The option named `key` (lower-case), if present.
  public func option(_ key: String) -> Option? {
    options.first { $0.key == key }
  }

  /// The value of option `key`, if present.
  public subscript(key: String) -> String? {
    option(key)?.value
  }

  /// True when `key` is given as a bare flag or as `key=true`.
  public func flag(_ key: String) -> Bool {
    option(key)?.value == "true"
  }

  /// The option keys, in order; for "unknown option" checks.
  public var keys: [String] { options.map(\.key) }
}
