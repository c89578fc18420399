/// How one schema column is read from a file: where it is, and how its bytes become a value.
///
/// Dates, months, choices, text and references go through a `TokenCache`, so each distinct
/// value is parsed, checked and made into a `String` once; plain ints and doubles are parsed
/// from the bytes every time (that is cheaper than a hash lookup).
final class ColumnPlan {
  enum Result {
    /// The value and a number standing for it (the int itself, yyyymmdd, yyyymm, a dense
    /// index of the referenced key, or an intern number for text).
    case ok(CellValue, Int64)
    /// The problem, without the column name: `'-3' must be ≥ 0`.
    case bad(String)
  }

  /// How the bytes are read: parsed every time, or looked up in the cache.
  enum Kind { case int, double, cached }

  let column: ColumnSchema
  let kind: Kind
  /// 0-based position in the file, -1 when the file lacks this (optional) column.
  let fileIndex: Int
  let atMost: Int?
  let atLeast: Int?
  private let referenced: [CellValue: Int32]?
  private let cache: TokenCache?

  init(
    column: ColumnSchema, fileIndex: Int, isKey: Bool, referenced: [CellValue: Int32]?,
    atMost: Int?, atLeast: Int?
  ) {
    self.column = column
    self.fileIndex = fileIndex
    self.referenced = referenced
    self.atMost = atMost
    self.atLeast = atLeast
    switch column.type {
    case .int where column.references == nil: kind = .int
    case .double: kind = .double
    default: kind = .cached
    }
    switch column.type {
    case .int where column.references == nil, .double: cache = nil
    // Keys and references must get one number per distinct value, so their cache never fills.
    case _ where isKey || column.references != nil: cache = TokenCache(limit: .max)
    default: cache = TokenCache(limit: 4096)
    }
  }

  /// Whether a number is inside the column's bounds.
  @inline(__always) func inDomain(_ v: Double) -> Bool {
    domainProblem(v, UnsafeBufferPointer(start: nil, count: 0)) == nil
  }

  /// The value of a cached column (date, month, choice, text, reference).
  @inline(__always) func readCached(_ field: UnsafeBufferPointer<UInt8>) -> Result {
    guard let cache else { return .bad("internal: no cache") }
    if let index = cache.lookup(field, make: make) {
      let entry = cache.entry(index)
      if let problem = entry.pointee.problem { return .bad(problem) }
      return .ok(entry.pointee.value, entry.pointee.ordinal)
    }
    let entry = make(field, -1)
    if let problem = entry.problem { return .bad(problem) }
    return .ok(entry.value, entry.ordinal)
  }

  /// The value of any column (the slow, general path).
  func read(_ field: UnsafeBufferPointer<UInt8>) -> Result {
    switch column.type {
    case .int where cache == nil:
      guard let v = ByteParse.int(field) else { return .bad("\(Self.quote(field)) is not an integer") }
      if let problem = domainProblem(Double(v), field) { return .bad(problem) }
      return .ok(.int(v), v)
    case .double:
      guard let v = ByteParse.double(field) else { return .bad("\(Self.quote(field)) is not a number") }
      if let problem = domainProblem(v, field) { return .bad(problem) }
      return .ok(.double(v), Int64(bitPattern: v.bitPattern))
    default:
      return readCached(field)
    }
  }

  /// Parses and checks one distinct value (the cache keeps the answer).
  private func make(_ field: UnsafeBufferPointer<UInt8>, _ internNumber: Int) -> TokenCache.Entry {
    func bad(_ message: String) -> TokenCache.Entry { .init(value: .null, ordinal: 0, problem: message) }
    let text = String(decoding: field, as: UTF8.self)
    var value = CellValue.text(text)
    var ordinal = Int64(internNumber)
    switch column.type {
    case .int:
      guard let v = ByteParse.int(field) else { return bad("\(Self.quote(field)) is not an integer") }
      if let problem = domainProblem(Double(v), field) { return bad(problem) }
      value = .int(v)
      ordinal = v
    case .double:
      guard let v = ByteParse.double(field) else { return bad("\(Self.quote(field)) is not a number") }
      value = .double(v)
    case .date:
      guard let v = ByteParse.date(field) else {
        return bad("\(Self.quote(field)) is not a valid date (YYYY-MM-DD)")
      }
      ordinal = v
    case .month:
      guard let v = ByteParse.month(field) else {
        return bad("\(Self.quote(field)) is not a valid month (YYYY-MM)")
      }
      ordinal = v
    case .choice(let words):
      guard let n = words.firstIndex(of: text) else {
        return bad("\(Self.quote(field)) must be one of \(words.joined(separator: ", "))")
      }
      ordinal = Int64(n)
    case .text:
      break
    }
    if let file = column.references {
      guard let index = referenced?[value] else { return bad("\(Self.quote(field)) is not in \(file)") }
      if case .text = value { ordinal = Int64(index) }
    }
    return .init(value: value, ordinal: ordinal, problem: nil)
  }

  private func domainProblem(_ v: Double, _ field: UnsafeBufferPointer<UInt8>) -> String? {
    if let min = column.min, column.minInclusive ? v < min : v <= min {
      return "\(Self.quote(field)) must be \(column.minInclusive ? "≥" : ">") \(Self.bound(min))"
    }
    if let max = column.max, column.maxInclusive ? v > max : v >= max {
      return "\(Self.quote(field)) must be \(column.maxInclusive ? "≤" : "<") \(Self.bound(max))"
    }
    return nil
  }

  /// This column's value in the current record, quoted for a message.
  func quotedValue(_ reader: CSVReader) -> String {
    guard fileIndex >= 0, fileIndex < reader.fieldCount else { return "''" }
    return Self.quote(reader.fieldBase[fileIndex])
  }

  static func quote(_ field: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: field, as: UTF8.self)
    return "'" + (text.count > 60 ? String(text.prefix(60)) + "…" : text) + "'"
  }

  private static func bound(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
  }
}
