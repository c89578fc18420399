/// Civil-date arithmetic for the sample window, in integers only (no `Calendar`,
/// no time zones), after Howard Hinnant's `days_from_civil`.
enum SampleCalendar {
  /// Days since 1970-01-01 of a proleptic Gregorian date.
  static func dayNumber(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date of a day number.
  static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
  static func weekday(_ dayNumber: Int) -> Int {
    let r = (dayNumber + 3) % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  /// Months since year 0, so that months compare and subtract as integers.
  static func monthNumber(year: Int, month: Int) -> Int {
    year * 12 + month - 1
  }

  static func daysInMonth(year: Int, month: Int) -> Int {
    let next = month == 12 ? dayNumber(year: year + 1, month: 1, day: 1) : dayNumber(year: year, month: month + 1, day: 1)
    return next - dayNumber(year: year, month: month, day: 1)
  }

  /// `YYYY-MM-DD`.
  static func dateText(_ dayNumber: Int) -> String {
    let (y, m, d) = civil(dayNumber)
    return "\(y)-\(pad(m))-\(pad(d))"
  }

  /// `YYYY-MM` of a month number.
  static func monthText(_ monthNumber: Int) -> String {
    "\(monthNumber / 12)-\(pad(monthNumber % 12 + 1))"
  }

  private static func pad(_ n: Int) -> String {
    n < 10 ? "0\(n)" : "\(n)"
  }
}
