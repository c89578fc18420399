/// A calendar date as a day count from 1970-01-01, with the granularity it was written in.
///
/// The store keeps dates as text (`YYYY-MM` or `YYYY-MM-DD`); a month is placed on its
/// first day. Civil-date arithmetic is done by hand (Howard Hinnant's algorithm) so the
/// scale never depends on a time zone or on Foundation's calendar.
public struct ChartDate: Hashable, Comparable, Sendable {
  /// The granularity a date was written in.
  public enum Unit: Sendable { case month, day }

  /// Days since 1970-01-01.
  public var day: Int
  public var unit: Unit

  /// A date from its parts; `day` 1 for a month.
  public init(year: Int, month: Int, day: Int = 1, unit: Unit = .day) {
    self.day = Self.daysFromCivil(year, month, day)
    self.unit = unit
  }

  init(dayNumber: Int, unit: Unit) {
    self.day = dayNumber
    self.unit = unit
  }

  /// Parses `YYYY-MM` or `YYYY-MM-DD` (a time part after the date is ignored); nil otherwise.
  public init?(iso text: String) {
    let utf8 = Array(text.utf8.prefix(10))
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= utf8.count else { return nil }
      var v = 0
      for i in range {
        let c = utf8[i]
        guard c >= 48 && c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard utf8.count >= 7, utf8[4] == 45, let y = digits(0..<4), let m = digits(5..<7),
      (1...12).contains(m)
    else { return nil }
    if utf8.count == 7 {
      guard text.utf8.count == 7 else { return nil }
      self.init(year: y, month: m, day: 1, unit: .month)
      return
    }
    guard utf8.count == 10, utf8[7] == 45, let d = digits(8..<10),
      (1...Self.daysInMonth(y, m)).contains(d)
    else { return nil }
    let rest = text.utf8.dropFirst(10)
    if let first = rest.first, first != 84, first != 32 { return nil }  // 'T' or ' ' only
    self.init(year: y, month: m, day: d, unit: .day)
  }

  public static func < (a: ChartDate, b: ChartDate) -> Bool { a.day < b.day }

  /// Year, month and day of the month.
  public var civil: (year: Int, month: Int, day: Int) { Self.civilFromDays(day) }

  /// `YYYY-MM` for a month, `YYYY-MM-DD` for a day.
  public var iso: String {
    let c = civil
    let ym = "\(c.year)-" + (c.month < 10 ? "0\(c.month)" : "\(c.month)")
    if unit == .month { return ym }
    return ym + "-" + (c.day < 10 ? "0\(c.day)" : "\(c.day)")
  }

  /// The label a reader expects: `Mar 2026` or `14 Mar 2026`.
  public var label: String {
    let c = civil
    let m = ValueFormat.monthNames[c.month - 1]
    return unit == .month ? "\(m) \(c.year)" : "\(c.day) \(m) \(c.year)"
  }

  /// Months since year 0, for month arithmetic.
  var monthIndex: Int {
    let c = civil
    return c.year * 12 + (c.month - 1)
  }

  static func fromMonthIndex(_ index: Int) -> ChartDate {
    let y = index >= 0 ? index / 12 : (index - 11) / 12
    return ChartDate(year: y, month: index - y * 12 + 1, day: 1, unit: .month)
  }

  static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

  static func daysInMonth(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
