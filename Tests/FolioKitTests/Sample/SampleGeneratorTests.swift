import Foundation
import Testing

@testable import FolioKit

@Suite("SampleGenerator")
struct SampleGeneratorTests {
  static let repositoryData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")

  static func temporaryFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("folio-sample-\(name)-\(UUID().uuidString)")
  }

  /// The committed data/ must be exactly what the default generator writes.
  /// `FOLIO_RECORD_SAMPLE=1 swift test --filter SampleGenerator` rewrites it.
  @Test func committedDataMatchesDefaultGenerator() throws {
    if ProcessInfo.processInfo.environment["FOLIO_RECORD_SAMPLE"] == "1" {
      try SampleGenerator().write(to: Self.repositoryData)
    }
    let folder = Self.temporaryFolder("committed")
    defer { try? FileManager.default.removeItem(at: folder) }
    try SampleGenerator().write(to: folder)
    for name in SampleGenerator.fileNames {
      let fresh = try Data(contentsOf: folder.appendingPathComponent(name))
      let committed = try? Data(contentsOf: Self.repositoryData.appendingPathComponent(name))
      #expect(committed == fresh, "data/\(name) differs from SampleGenerator().write(to:); re-record with FOLIO_RECORD_SAMPLE=1")
    }
  }
}

extension SampleGeneratorTests {
  @Test func sameSeedWritesSameBytesAndAnotherSeedDoesNot() throws {
    let a = Self.temporaryFolder("a"), b = Self.temporaryFolder("b"), c = Self.temporaryFolder("c")
    defer { for folder in [a, b, c] { try? FileManager.default.removeItem(at: folder) } }
    try SampleGenerator(seed: 7, rows: 5000).write(to: a)
    try SampleGenerator(seed: 7, rows: 5000).write(to: b)
    try SampleGenerator(seed: 8, rows: 5000).write(to: c)
    for name in SampleGenerator.fileNames {
      #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name)")
    }
    for name in ["performance_daily.csv", "usage_monthly.csv"] {
      #expect(try Data(contentsOf: a.appendingPathComponent(name)) != Data(contentsOf: c.appendingPathComponent(name)), "\(name)")
    }
  }

  @Test func defaultSampleKeepsEveryDomainAndReference() throws {
    let folder = Self.temporaryFolder("domains")
    defer { try? FileManager.default.removeItem(at: folder) }
    let counts = try SampleGenerator().write(to: folder)
    let checks = try SampleChecks(folder: folder)
    #expect(checks.problems() == [])
    #expect(counts["performance_daily.csv"] == checks.performance.rows.count)
    #expect(counts["usage_monthly.csv"] == checks.usage.rows.count)
    #expect(counts["agencies.csv"] == 12)
    #expect(counts["services.csv"] == 8)
    #expect(counts["regions.csv"] == 4)
    #expect(Set(checks.usage.rows.map { $0[3] }).count == 36)
    #expect(checks.performance.rows.first?[0] == "2023-12-01")
    #expect(checks.performance.rows.last?[0] == "2026-11-30")
    // Every line ends with LF and none with CR.
    let bytes = try Data(contentsOf: folder.appendingPathComponent("performance_daily.csv"))
    #expect(bytes.last == 0x0A)
    #expect(!bytes.contains(0x0D))
  }

  @Test(arguments: [1_000, 20_000, 60_000])
  func rowsScalesDailyPerformance(rows: Int) throws {
    let folder = Self.temporaryFolder("rows\(rows)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let counts = try SampleGenerator(rows: rows).write(to: folder)
    let written = try #require(counts["performance_daily.csv"])
    #expect(abs(written - rows) <= rows / 10, "asked \(rows), wrote \(written)")
    #expect(try SampleChecks(folder: folder).problems() == [])
  }

  @Test func writerQuotesSeparatorsQuotesAndBreaks() {
    #expect(SampleCSVWriter.quoted("plain") == "plain")
    #expect(SampleCSVWriter.quoted("Housing, Land & Property") == "\"Housing, Land & Property\"")
    #expect(SampleCSVWriter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(SampleCSVWriter.quoted("two\nlines") == "\"two\nlines\"")
    #expect(SampleCSVWriter.quoted("a\\b") == "\"a\\\\b\"")
  }

  @Test func calendarRoundTripsAndKnowsWeekdays() {
    let day = SampleCalendar.dayNumber(year: 2026, month: 11, day: 30)
    #expect(SampleCalendar.dateText(day) == "2026-11-30")
    #expect(SampleCalendar.weekday(day) == 1)  // a Monday
    #expect(SampleCalendar.dateText(SampleCalendar.dayNumber(year: 2024, month: 2, day: 29) + 1) == "2024-03-01")
    #expect(SampleCalendar.daysInMonth(year: 2024, month: 2) == 29)
    #expect(SampleCalendar.daysInMonth(year: 2025, month: 2) == 28)
    #expect(SampleCalendar.monthText(SampleCalendar.monthNumber(year: 2023, month: 12)) == "2023-12")
  }
}

extension SampleGeneratorTests {
  /// The checker itself catches a broken row, so an empty problem list means something.
  @Test func checkerCatchesABrokenRow() throws {
    let folder = Self.temporaryFolder("broken")
    defer { try? FileManager.default.removeItem(at: folder) }
    try SampleGenerator(rows: 1000).write(to: folder)
    let url = folder.appendingPathComponent("performance_daily.csv")
    var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    var fields = lines[1].split(separator: ",").map(String.init)
    fields[5] = String((Int(fields[4]) ?? 0) + 1)  // more errors than requests
    lines[1] = Substring(fields.joined(separator: ","))
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    let problems = try SampleChecks(folder: folder).problems()
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("performance: counts") == true)
  }
}
