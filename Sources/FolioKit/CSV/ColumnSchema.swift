/// One column of an input file: its name, type, whether it must be present, and its domain.
public struct ColumnSchema: Sendable {
  /// Lower-case column name, matched against trimmed, case-folded header names.
  public var name: String
  public var type: ColumnType
  /// A required column must be in the header and every row must give it a non-empty value.
  public var required: Bool
  /// Smallest allowed value (numbers only); `minInclusive` false makes it a strict bound.
  public var min: Double?
  public var minInclusive: Bool
  /// Largest allowed value (numbers only); `maxInclusive` false makes it a strict bound.
  public var max: Double?
  public var maxInclusive: Bool
  /// The file whose (single-column) key this value must name, e.g. `agencies.csv`.
  public var references: String?
  /// Another column of the same row that this value must not exceed.
  public var atMost: String?
  /// Another column of the same row that this value must not be below.
  public var atLeast: String?

  /// Creates a column; defaults make it a required value without a domain.
  public init(
    _ name: String, _ type: ColumnType, required: Bool = true,
    min: Double? = nil, minInclusive: Bool = true, max: Double? = nil, maxInclusive: Bool = true,
    references: String? = nil, atMost: String? = nil, atLeast: String? = nil
  ) {
    self.name = name
    self.type = type
    self.required = required
    self.min = min
    self.minInclusive = minInclusive
    self.max = max
    self.maxInclusive = maxInclusive
    self.references = references
    self.atMost = atMost
    self.atLeast = atLeast
  }
}
