import Foundation
import Testing

@testable import FolioKit

/// Every KPI of SPEC §5 on hand-computed data.
@Suite struct KPITests {
  @Test func responseTimeScoreClampsAtBothEdges() throws {
    // SLA 200 ms, headroom 1.5: score = 100 × clamp((300 − p95) / 200, 0, 1).
    let f = try PipelineFixture()
    f.addUsage(month: "2026-01")
    let cases: [(Double, Double)] = [(50, 100), (100, 100), (200, 50), (300, 0), (350, 0)]
    for (i, c) in cases.enumerated() {
      f.addDay(date: "2026-01-0\(i + 1)", requests: 10, errors: 0, p95: c.0)
    }
    try f.run(edition: "2026-01")
    let scores = try f.rows("SELECT response_time_score FROM fact_performance ORDER BY date_key")
      .map { $0["response_time_score"]?.double }
    #expect(scores == cases.map(\.1))
  }

  @Test func utilisationScoreAtTheBandEdges() throws {
    let f = try PipelineFixture()
    let cases: [(Double, Double)] = [(0, 0), (49, 98), (50, 100), (75, 100), (76, 96), (100, 0)]
    for (i, c) in cases.enumerated() {
      f.addUsage(month: String(format: "2025-%02d", i + 1), utilisation: c.0)
    }
    try f.run(edition: "2025-06")
    let scores = try f.rows("SELECT utilisation_score FROM fact_usage_monthly ORDER BY date_key")
      .map { $0["utilisation_score"]?.double ?? -1 }
    for (score, c) in zip(scores, cases) { #expect(abs(score - c.1) < 1e-9) }
    #expect(scores.count == cases.count)
  }

  @Test func breachFlagsAndMonthlyStability() throws {
    let f = try PipelineFixture()
    f.addUsage(month: "2026-01", utilisation: 60)
    // Day 1: p95 100 (score 100), 1 % errors: within SLA.
    f.addDay(date: "2026-01-01", requests: 100, errors: 1, p95: 100)
    // Day 2: p95 300 (score 0), 3 % errors: latency and error breach.
    f.addDay(date: "2026-01-02", requests: 300, errors: 9, p95: 300)
    // Day 3: no requests: left out of everything.
    f.addDay(date: "2026-01-03", requests: 0, errors: 0, p95: 0)
    // Day 4: exactly 2 % errors is not a breach (strictly greater).
    f.addDay(date: "2026-01-04", requests: 50, errors: 1, p95: 200)
    try f.run(edition: "2026-01")

    let flags = try f.rows(
      "SELECT latency_breach_flag l, error_breach_flag e, sla_breach_flag s FROM fact_performance ORDER BY date_key")
    #expect(flags.map { $0["s"] } == [.integer(0), .integer(1), .null, .integer(0)])
    #expect(flags.map { $0["e"] } == [.integer(0), .integer(1), .null, .integer(0)])

    let k = try #require(try f.rows("SELECT * FROM kpi_stability_monthly").first)
    // Mean score over days with requests: (100 + 0 + 50) / 3 = 50.
    #expect(k["response_time_score"]?.double == 50)
    // Monthly error rate: 100 × 11 / 450.
    let errorRate = 100.0 * 11 / 450
    #expect(abs((k["error_rate_pct"]?.double ?? 0) - errorRate) < 1e-9)
    // 0.4 × 50 + 0.3 × (100 − 2.444…) + 0.3 × 100.
    let stability = 0.4 * 50 + 0.3 * (100 - errorRate) + 0.3 * 100
    #expect(abs((k["stability_score"]?.double ?? 0) - stability) < 1e-9)
    // One breached day of three with requests.
    #expect(abs((k["sla_breach_rate_pct"]?.double ?? 0) - 100.0 / 3) < 1e-9)
    #expect(k["request_count"] == .integer(450))
  }

  @Test func monthWithoutRequestsHasNullMeasures() throws {
    let f = try PipelineFixture()
    f.addUsage(month: "2026-01")
    f.addUsage(month: "2026-02")
    f.addDay(date: "2026-01-05", requests: 10, errors: 0, p95: 100)
    f.addDay(date: "2026-02-05", requests: 0, errors: 0, p95: 0)
    try f.run(edition: "2026-02")
    let feb = try #require(try f.rows("SELECT * FROM kpi_stability_monthly WHERE month_key = '2026-02'").first)
    #expect(feb["stability_score"] == .null)
    #expect(feb["sla_breach_rate_pct"] == .null)
    #expect(feb["utilisation_score"]?.double == 100)
  }

  @Test func migrationSummaryWeightsByRequestsAndLeavesOutMigrating() throws {
    let f = try PipelineFixture()
    f.addUsage(month: "2026-01", cost: 100, status: "pre_migration")
    f.addUsage(month: "2026-02", cost: 900, status: "migrating")
    f.addUsage(month: "2026-03", cost: 300, status: "post_migration")
    f.addUsage(month: "2026-04", cost: 500, status: "post_migration")
    f.addDay(date: "2026-01-10", requests: 100, errors: 0, avg: 100, p95: 150)
    f.addDay(date: "2026-01-11", requests: 300, errors: 12, avg: 200, p95: 250)
    f.addDay(date: "2026-02-10", requests: 1000, errors: 500, avg: 5000, p95: 9000)
    f.addDay(date: "2026-03-10", requests: 100, errors: 1, avg: 80, p95: 120)
    f.addDay(date: "2026-04-10", requests: 100, errors: 1, avg: 60, p95: 100)
    try f.run(edition: "2026-04")
    let m = try #require(try f.rows("SELECT * FROM fact_migration_summary").first)
    #expect(m["migration_month"] == .text("2026-03"))
    #expect(m["pre_days"] == .integer(2))
    #expect(m["post_days"] == .integer(2))
    // Request-weighted: (100×100 + 200×300) / 400 = 175; post (80 + 60) / 2 = 70.
    #expect(m["pre_avg_latency_ms"]?.double == 175)
    #expect(m["post_avg_latency_ms"]?.double == 70)
    #expect(m["delta_avg_latency_ms"]?.double == -105)
    #expect(m["pre_error_rate_pct"]?.double == 3)
    #expect(m["post_error_rate_pct"]?.double == 1)
    // Day 2 breaches (4 % > 2 %, 250 > 200): 50 % of pre days.
    #expect(m["pre_sla_breach_rate_pct"]?.double == 50)
    #expect(m["pre_monthly_cost_usd"]?.double == 100)
    #expect(m["post_monthly_cost_usd"]?.double == 400)
  }

  @Test func costSpikesNeedBothThresholds() throws {
    let f = try PipelineFixture()
    f.services.append("('api', 'API', 'low', 500, 5, 95)")
    // agency 1 web: +25 % and +1,000 exactly → spike.
    f.addUsage(agency: 1, month: "2026-01", cost: 4000)
    f.addUsage(agency: 1, month: "2026-02", cost: 5000)
    // agency 2 web: +1,000 but 24.99 % → no spike.
    f.addUsage(agency: 2, month: "2026-01", cost: 4001)
    f.addUsage(agency: 2, month: "2026-02", cost: 5001)
    // agency 1 api: from 0 to 1,000 → spike with NULL change_pct; a gap month → no comparison.
    f.addUsage(agency: 1, month: "2026-01", service: "api", cost: 0)
    f.addUsage(agency: 1, month: "2026-02", service: "api", cost: 1000)
    f.addUsage(agency: 1, month: "2026-04", service: "api", cost: 90000)
    // agency 2 api: from 0 to 999 → below the absolute threshold.
    f.addUsage(agency: 2, month: "2026-01", service: "api", cost: 0)
    f.addUsage(agency: 2, month: "2026-02", service: "api", cost: 999)
    try f.run(edition: "2026-04")
    let spikes = try f.rows("SELECT * FROM v_cost_spikes ORDER BY agency_id, service_id")
    #expect(spikes.count == 2)
    #expect(spikes.map { $0["change_usd"]?.double } == [1000, 1000])
    #expect(spikes.map { $0["change_pct"] } == [.null, .real(25)])
  }

  @Test func cloudWasteAndIdleCost() throws {
    let f = try PipelineFixture()
    f.addUsage(month: "2026-01", utilisation: 10, cost: 1000)
    f.addUsage(month: "2026-02", utilisation: 20, cost: 1000)
    try f.run(edition: "2026-02")
    let waste = try f.rows("SELECT * FROM v_cloud_waste")
    #expect(waste.count == 1)
    #expect(waste.first?["idle_cost_usd"]?.double == 900)
  }

  @Test func riskScoreRescalesWhenTaggingHasNoData() throws {
    let f = try PipelineFixture()
    f.addUsage(month: "2026-01", utilisation: 40, tagged: nil)  // utilisation score 80
    f.addDay(date: "2026-01-01", requests: 100, errors: 0, p95: 100)  // score 100, no breach
    f.addDay(date: "2026-01-02", requests: 100, errors: 0, p95: 300)  // score 0, breach
    try f.run(edition: "2026-01")
    let r = try #require(try f.rows("SELECT * FROM kpi_engineering_risk").first)
    #expect(r["tagging_compliance_pct"] == .null)
    // breach 50; stability 0.4×50 + 0.3×100 + 0.3×80 = 74; utilisation 80.
    let expected = (0.35 * 50 + 0.25 * (100 - 74) + 0.20 * (100 - 80)) / 0.80
    #expect(abs((r["risk_score"]?.double ?? 0) - expected) < 1e-9)
    #expect(r["rank"] == .integer(1))
    #expect(r["edition_month"] == .text("2026-01"))
  }

  @Test func riskWindowIsTwelveMonthsAndRanksTiesByAgency() throws {
    let f = try PipelineFixture()
    // Agency 1 only appears 13 months before the edition: outside the window.
    f.addUsage(agency: 1, month: "2025-01", utilisation: 10)
    for agency in [1, 2] {
      f.addUsage(agency: agency, month: "2026-02", utilisation: 30, resources: 10, tagged: 5)
    }
    try f.run(edition: "2026-02")
    let rows = try f.rows("SELECT * FROM kpi_engineering_risk ORDER BY rank")
    #expect(rows.count == 2)
    #expect(rows.map { $0["agency_id"] } == [.integer(1), .integer(2)])
    // Only utilisation (60) and tagging (50) have data: (0.2×40 + 0.2×50) / 0.4 = 45.
    for row in rows { #expect(abs((row["risk_score"]?.double ?? 0) - 45) < 1e-9) }
    #expect(rows.first?["utilisation_score"]?.double == 60)
  }

  @Test func editionSeesNothingAfterItsMonth() throws {
    let f = try PipelineFixture()
    f.addUsage(month: "2026-01")
    f.addUsage(month: "2026-02")
    f.addDay(date: "2026-01-31", requests: 10, errors: 0, p95: 100)
    f.addDay(date: "2026-02-01", requests: 10, errors: 0, p95: 100)
    try f.run(edition: "2026-01")
    #expect(try f.double("SELECT COUNT(*) FROM fact_usage_monthly") == 1)
    #expect(try f.double("SELECT COUNT(*) FROM dim_date") == 1)
    #expect(try f.double("SELECT COUNT(*) FROM raw_performance_daily") == 1)
  }

  @Test func dimDatePeaksAndIsoWeekdays() throws {
    let f = try PipelineFixture()
    f.peaks = ["('Tax B', '2026-01-02', '2026-01-03')", "('Tax A', '2026-01-02', '2026-01-05')"]
    f.addUsage(month: "2026-01")
    f.addDay(date: "2026-01-01", requests: 1, errors: 0, p95: 1)
    f.addDay(date: "2026-01-04", requests: 1, errors: 0, p95: 1)
    try f.run(edition: "2026-01")
    let days = try f.rows("SELECT * FROM dim_date ORDER BY date_key")
    #expect(days.count == 4)
    // 2026-01-01 is a Thursday.
    #expect(days.map { $0["day_of_week"] } == [.integer(4), .integer(5), .integer(6), .integer(7)])
    #expect(days.map { $0["peak_period_flag"] } == [.integer(0), .integer(1), .integer(1), .integer(1)])
    // Same start: the name decides.
    #expect(days[1]["peak_period_name"] == .text("Tax A"))
    #expect(days[0]["quarter"] == .integer(1))
  }

  @Test func sloAttainmentAndErrorBudget() throws {
    let f = try PipelineFixture()  // web: SLO 90 %
    f.addUsage(month: "2026-01")
    for day in 1...10 {
      f.addDay(date: String(format: "2026-01-%02d", day), requests: 10, errors: 0, p95: day <= 2 ? 900 : 100)
    }
    try f.run(edition: "2026-01")
    let s = try #require(try f.rows("SELECT * FROM kpi_slo_monthly").first)
    #expect(s["days"] == .integer(10))
    #expect(s["slo_met"] == .integer(0))  // 80 % < 90 %
    // Budget 1 day, 2 used: 1 − 2/1 = −1.
    #expect(abs((s["budget_remaining"]?.double ?? 0) + 1) < 1e-9)
  }
}

@Suite struct OrgMonthlyTests {
  @Test func organisationFiguresAreRequestWeighted() throws {
    let f = try PipelineFixture()
    f.addUsage(agency: 1, month: "2026-01", utilisation: 60)
    f.addUsage(agency: 2, month: "2026-01", utilisation: 60)
    // Agency 1: 100 requests, 0 errors, score 100 → stability 0.4×100 + 0.3×100 + 0.3×100 = 100.
    f.addDay(agency: 1, date: "2026-01-01", requests: 100, errors: 0, avg: 100, p95: 100)
    // Agency 2: 300 requests, 3 errors (1 %), p95 300 → score 0, breach; stability 0 + 29.7 + 30 = 59.7.
    f.addDay(agency: 2, date: "2026-01-01", requests: 300, errors: 3, avg: 200, p95: 300)
    try f.run(edition: "2026-01")
    let o = try #require(try f.rows("SELECT * FROM kpi_org_monthly").first)
    #expect(abs((o["stability_score"]?.double ?? 0) - (100 * 100 + 59.7 * 300) / 400) < 1e-9)
    #expect(o["sla_breach_rate_pct"]?.double == 50)
    #expect(o["avg_latency_ms"]?.double == 175)
    #expect(o["error_rate_pct"]?.double == 0.75)
  }
}
