/// Date axis ticks on day, month, quarter and year boundaries.
enum DateTicks {
  struct Tick {
    var day: Int
    var label: String
  }

  /// At most `maxCount` ticks between two day numbers, on calendar boundaries.
  static func ticks(from lo: Int, to hi: Int, maxCount: Int, monthly: Bool = false) -> [Tick] {
    let limit = max(1, maxCount)
    let span = hi - lo
    if span <= 92 && !monthly {
      for step in [1, 2, 7, 14] where span / step + 1 <= limit {
        var out: [Tick] = []
        var d = lo
        while d <= hi {
          out.append(Tick(day: d, label: dayLabel(d, withYear: out.isEmpty)))
          d += step
        }
        return out
      }
    }
    let m0 = ChartDate(dayNumber: lo, unit: .day).monthIndex
    let m1 = ChartDate(dayNumber: hi, unit: .day).monthIndex
    for step in [1, 2, 3, 6, 12, 24, 60, 120, 240, 600] {
      var months: [Int] = []
      var m = ((m0 + step - 1) / step) * step  // first multiple of step at or after m0
      if ChartDate.fromMonthIndex(m).day < lo { m += step }
      while m <= m1 {
        months.append(m)
        m += step
      }
      // A month that starts before the domain is still useful when it is the domain start.
      if months.isEmpty && step == 1 { months = [m0] }
      guard months.count <= limit else { continue }
      return months.enumerated().map { i, m in
        let date = ChartDate.fromMonthIndex(m)
        let c = date.civil
        let name = ValueFormat.monthNames[c.month - 1]
        let label: String
        if step >= 12 {
          label = "\(c.year)"
        } else if i == 0 || c.month == 1 {
          label = "\(name) \(c.year)"
        } else {
          label = name
        }
        return Tick(day: date.day, label: label)
      }
    }
    return [Tick(day: lo, label: dayLabel(lo, withYear: true))]
  }

  static func dayLabel(_ d: Int, withYear: Bool) -> String {
    let c = ChartDate(dayNumber: d, unit: .day).civil
    let m = ValueFormat.monthNames[c.month - 1]
    return withYear ? "\(c.day) \(m) \(c.year)" : "\(c.day) \(m)"
  }
}
