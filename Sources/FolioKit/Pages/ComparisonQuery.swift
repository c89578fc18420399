import Foundation

/// ```sql effect compare=value group=phase a=pre_migration b=post_migration by=agency_name down-is-good```
///
/// Turns a query of observations (one row per day and group) into one row per
/// `by` value comparing group b with group a: the difference of means with
/// Welch's 95 % interval, the counts, and a verdict read from the interval.
enum ComparisonQuery {
  static let options = ["compare", "group", "a", "b", "by", "down-is-good", "level"]
  static let columns = [
    "n_a", "n_b", "mean_a", "mean_b", "estimate", "ci_lower", "ci_upper", "df", "verdict", "method",
  ]

  static func apply(_ block: FencedBlock, page: PageSource, to result: QueryResult) throws -> QueryResult {
    let d = block.directive
    func fail(_ message: String, _ key: String? = nil) -> FolioError {
      page.error(message, line: d.line, column: key.flatMap { d.option($0)?.valueColumn } ?? d.column)
    }
    for option in d.options where !options.contains(option.key) {
      throw page.error("unknown option '\(option.key)' for a comparison query; known: \(options.joined(separator: ", "))", line: d.line, column: option.column)
    }
    func column(_ key: String) throws -> Int {
      guard let name = d.option(key)?.value else { throw fail("a comparison query needs \(key)=…") }
      guard let index = result.index(of: name) else {
        throw fail("query has no column '\(name)'; its columns: \(result.columns.joined(separator: ", "))", key)
      }
      return index
    }
    let valueIndex = try column("compare")
    let groupIndex = try column("group")
    guard let a = d.option("a")?.value, let b = d.option("b")?.value else {
      throw fail("a comparison query needs a=GROUP and b=GROUP (the estimate is b − a)")
    }
    let byIndex = d.option("by") != nil ? try column("by") : nil
    let downIsGood = d.option("down-is-good").map { $0.value != "false" } ?? false
    let level = Double(d.option("level")?.value ?? "0.95") ?? 0.95

    var order: [SQLValue] = []
    var samples: [SQLValue: (a: [Double], b: [Double])] = [:]
    for row in result.rows {
      let key = byIndex.map { row[$0] } ?? .null
      if samples[key] == nil {
        order.append(key)
        samples[key] = ([], [])
      }
      guard let value = row[valueIndex].double, let group = row[groupIndex].text else { continue }
      if group == a { samples[key]?.a.append(value) } else if group == b { samples[key]?.b.append(value) }
    }
    var rows: [[SQLValue]] = []
    for key in order {
      let s = samples[key] ?? ([], [])
      var row: [SQLValue] = byIndex == nil ? [] : [key]
      row += [.integer(Int64(s.a.count)), .integer(Int64(s.b.count))]
      row += [mean(s.a), mean(s.b)]
      if let w = WelchInterval(a: s.a, b: s.b, level: level) {
        let better = downIsGood ? -w.direction : w.direction
        let verdict = better > 0 ? "improved" : better < 0 ? "worsened" : "no clear change"
        row += [.real(w.estimate), .real(w.lower), .real(w.upper), .real(w.degreesOfFreedom), .text(verdict)]
      } else {
        let diff: SQLValue = s.a.isEmpty || s.b.isEmpty ? .null : .real((mean(s.b).double ?? 0) - (mean(s.a).double ?? 0))
        row += [diff, .null, .null, .null, .text("not enough data")]
      }
      row.append(.text(WelchInterval.method))
      rows.append(row)
    }
    let names = (byIndex.map { [result.columns[$0]] } ?? []) + columns
    return QueryResult(columns: names, rows: rows)
  }

  static func mean(_ xs: [Double]) -> SQLValue {
    xs.isEmpty ? .null : .real(xs.reduce(0, +) / Double(xs.count))
  }
}
