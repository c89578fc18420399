import Foundation
import Testing

@testable import FolioKit

/// The stories docs/sample-data.md promises are really in the default sample.
@Suite("SampleGenerator stories")
struct SampleStoryTests {
  /// One daily record with what the report derives from it.
  struct Day {
    var date: String
    var agency: Int
    var service: String
    var region: String
    var requests: Int
    var errors: Int
    var breached: Bool?
    var status: String
  }

  struct Sample {
    var checks: SampleChecks
    var days: [Day]
    var usage: [[String]]
  }

  static func sample() throws -> Sample {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-stories-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try SampleGenerator().write(to: folder)
    let checks = try SampleChecks(folder: folder)
    let sla = Dictionary(uniqueKeysWithValues: checks.services.rows.map { ($0[0], (Double($0[3])!, Double($0[4])!)) })
    var status: [String: String] = [:]
    for row in checks.usage.rows { status["\(row[0])|\(row[4])|\(row[10])|\(row[3])"] = row[11] }
    let days = checks.performance.rows.map { row -> Day in
      let requests = Int(row[4])!, errors = Int(row[5])!
      let (latency, errorRate) = sla[row[2]]!
      let breached: Bool? =
        requests == 0 ? nil : (Double(row[7])! > latency || 100 * Double(errors) > errorRate * Double(requests))
      return Day(
        date: row[0], agency: Int(row[1])!, service: row[2], region: row[3], requests: requests, errors: errors,
        breached: breached, status: status["\(row[1])|\(row[2])|\(row[3])|\(row[0].prefix(7))"] ?? "")
    }
    return Sample(checks: checks, days: days, usage: checks.usage.rows)
  }

  static func breachRate(_ days: some Sequence<Day>) -> Double {
    let judged = days.compactMap(\.breached)
    return judged.isEmpty ? 0 : 100 * Double(judged.filter { $0 }.count) / Double(judged.count)
  }

  static func errorRate(_ days: some Sequence<Day>) -> Double {
    let requests = days.reduce(0) { $0 + $1.requests }
    return requests == 0 ? 0 : 100 * Double(days.reduce(0) { $0 + $1.errors }) / Double(requests)
  }

  @Test func storiesArePlanted() throws {
    let sample = try Self.sample()
    let days = sample.days

    // Breach rates are believable: neither all green nor all red.
    let overall = Self.breachRate(days)
    #expect(overall > 2 && overall < 15, "overall breach rate \(overall)")
    let byDeployment = Dictionary(grouping: days) { "\($0.agency)|\($0.service)|\($0.region)" }
    let worst = byDeployment.values.map { Self.breachRate($0) }.max() ?? 0
    #expect(worst >= 10 && worst <= 35, "worst deployment breach rate \(worst)")

    // Tax season: Revenue's filing service breaks down in April 2024, before it migrated.
    let filing = days.filter { $0.agency == 1 && $0.service == "tax_filing" }
    let april2024 = Self.breachRate(filing.filter { $0.date.hasPrefix("2024-04") })
    let ordinary = Self.breachRate(filing.filter { ["05", "06", "07", "08", "09", "10", "11"].contains($0.date.dropFirst(5).prefix(2)) })
    #expect(april2024 > 30 && april2024 > 5 * ordinary, "April 2024 \(april2024) vs ordinary \(ordinary)")
    let decemberClaims = days.filter { $0.agency == 6 && $0.service == "benefits_claims" && $0.date.hasPrefix("2024-12") }
    #expect(Self.breachRate(decemberClaims) > 10)

    // Migration: phases by agency, improvement for most, not for all.
    let phases = Dictionary(grouping: sample.usage) { Int($0[0])! }.mapValues { Set($0.map { $0[11] }) }
    #expect(phases.values.filter { $0.contains("post_migration") }.count >= 8)
    #expect(phases.values.contains { $0 == ["pre_migration"] }, "an agency that never migrated")
    #expect(phases.values.contains { $0 == ["post_migration"] }, "an agency migrated before the window")
    #expect(phases.values.filter { $0.isSuperset(of: ["pre_migration", "migrating", "post_migration"]) }.count >= 5)
    var improved = 0, worse = 0
    for agency in 1...12 {
      let pre = days.filter { $0.agency == agency && $0.status == "pre_migration" }
      let post = days.filter { $0.agency == agency && $0.status == "post_migration" }
      guard !pre.isEmpty && !post.isEmpty else { continue }
      if Self.breachRate(post) < Self.breachRate(pre) && Self.errorRate(post) < Self.errorRate(pre) { improved += 1 }
      if Self.breachRate(post) > Self.breachRate(pre) { worse += 1 }
    }
    #expect(improved >= 4, "improved \(improved)")
    #expect(worse >= 1, "worse \(worse)")

    // Outages: a few days with no requests at all.
    #expect(days.filter { $0.requests == 0 }.count >= 4)

    // Weekends are quieter than weekdays (2026-11-28/29 are a Saturday and Sunday).
    let weekday = days.filter { $0.date == "2026-11-26" }.reduce(0) { $0 + $1.requests }
    let weekend = days.filter { $0.date == "2026-11-28" || $0.date == "2026-11-29" }.reduce(0) { $0 + $1.requests }
    #expect(Double(weekend) / 2 < 0.6 * Double(weekday))
  }

  @Test func costSpikesWasteAndTaggingArePlanted() throws {
    let sample = try Self.sample()
    var cost: [String: Double] = [:]
    for row in sample.usage { cost["\(row[0])|\(row[4])|\(row[10])|\(row[3])"] = Double(row[9])! }
    var spikes: Set<String> = []
    for row in sample.usage {
      let month = SampleCalendar.monthNumber(year: Int(row[3].prefix(4))!, month: Int(row[3].suffix(2))!)
      let previous = SampleCalendar.monthText(month - 1)
      guard let before = cost["\(row[0])|\(row[4])|\(row[10])|\(previous)"] else { continue }
      let now = Double(row[9])!
      if now - before >= 1000 && now >= 1.25 * before { spikes.insert("\(row[0])|\(row[4])|\(row[10])|\(row[3])") }
    }
    let planted: Set = [
      "3|appointments|eu-west-1|2024-12", "4|payments|eu-west-1|2025-08", "10|benefits_claims|eu-west-1|2025-09",
      "7|records_search|eu-west-1|2026-03", "1|tax_filing|eu-west-1|2026-04", "8|identity_verification|eu-west-1|2026-06",
    ]
    #expect(planted.isSubset(of: spikes), "missing \(planted.subtracting(spikes))")
    #expect(spikes.count <= 12, "a handful, not a flood: \(spikes.sorted())")

    let byAgency = Dictionary(grouping: sample.usage) { Int($0[0])! }
    func tagging(_ agency: Int) -> Double {
      let rows = byAgency[agency] ?? []
      let tagged = rows.reduce(0) { $0 + Int($1[13])! }, resources = rows.reduce(0) { $0 + Int($1[12])! }
      return 100 * Double(tagged) / Double(max(1, resources))
    }
    for agency in [7, 10, 11] {
      let rows = byAgency[agency] ?? []
      #expect(!rows.isEmpty && rows.allSatisfy { Double($0[8])! < 20 }, "agency \(agency) under 20 % utilisation")
    }
    for agency in [4, 7, 10] { #expect(tagging(agency) < 60, "agency \(agency) poorly tagged") }
    #expect(tagging(3) > 90)
    let wellRun = byAgency[3] ?? []
    #expect(wellRun.allSatisfy { Double($0[8])! >= 20 })
    // Saturation: the legacy Transport Authority and Land Registry's new platform run hot.
    func meanUtilisation(_ rows: [[String]]) -> Double {
      rows.reduce(0) { $0 + Double($1[8])! } / Double(max(1, rows.count))
    }
    #expect(meanUtilisation(byAgency[4] ?? []) > 80)
    #expect(meanUtilisation((byAgency[5] ?? []).filter { $0[11] == "post_migration" }) > 80)
    #expect(meanUtilisation((byAgency[5] ?? []).filter { $0[11] == "pre_migration" }) < 75)
    let costs = sample.usage.map { Double($0[9])! }
    #expect(costs.min()! >= 100 && costs.max()! <= 60_000)
  }
}
