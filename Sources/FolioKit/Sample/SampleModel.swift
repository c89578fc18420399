import Foundation

/// The load, latency and error model behind `performance_daily.csv`; it also
/// sums each deployment's month so that `usage_monthly.csv` follows the same load.
struct SampleModel {
  let seed: UInt64
  let portfolio: SamplePortfolio
  let firstDay: Int
  let lastDay = SampleCatalog.lastDay
  /// Month numbers covered, first to last.
  let months: [Int]
  /// Per deployment × month index: the sum of requests, of the daily load factor, and the days.
  private(set) var requestSums: [[Double]]
  private(set) var loadSums: [[Double]]
  private(set) var daySums: [[Int]]

  /// Mean weekly load factor of an ordinary week, so that monthly load reads ~1 off-peak.
  static let ordinaryWeekLoad = (1.15 + 1.05 + 1.0 + 1.0 + 0.9 + 0.45 + 0.35) / 7

  init(seed: UInt64, portfolio: SamplePortfolio, firstDay: Int) {
    self.seed = seed
    self.portfolio = portfolio
    self.firstDay = firstDay
    let (y0, m0, _) = SampleCalendar.civil(firstDay)
    let (y1, m1, _) = SampleCalendar.civil(SampleCatalog.lastDay)
    months = Array(SampleCalendar.monthNumber(year: y0, month: m0)...SampleCalendar.monthNumber(year: y1, month: m1))
    let empty = Array(repeating: 0.0, count: months.count)
    requestSums = Array(repeating: empty, count: portfolio.deployments.count)
    loadSums = requestSums
    daySums = Array(repeating: Array(repeating: 0, count: months.count), count: portfolio.deployments.count)
  }

  /// What the model needs to know about a day, computed once for all deployments.
  private struct Day {
    var number: Int
    var text: [UInt8]
    var monthIndex: Int
    var weekday: Int
    /// 0…1 through tax season, nil outside it.
    var taxProgress: Double?
    var holiday: Bool
    /// 25–31 December: offices closed, traffic low.
    var quiet: Bool
    var years: Double
  }

  private func day(_ number: Int) -> Day {
    let (y, m, d) = SampleCalendar.civil(number)
    var tax: Double? = nil
    var holiday = false
    for period in SampleCatalog.peakPeriods where period.start <= number && number <= period.end {
      switch period.kind {
      case .taxSeason: tax = Double(number - period.start) / Double(period.end - period.start)
      case .holiday: holiday = true
      }
    }
    return Day(
      number: number, text: Array(SampleCalendar.dateText(number).utf8),
      monthIndex: SampleCalendar.monthNumber(year: y, month: m) - months[0], weekday: SampleCalendar.weekday(number),
      taxProgress: tax, holiday: holiday, quiet: m == 12 && d >= 25,
      years: Double(number - SampleCatalog.firstDay) / 365.25)
  }

  /// A run of degraded days (a bad release, a noisy neighbour, a slow dependency).
  struct Episode {
    var days: ClosedRange<Int>
    var latency: Double
    var errors: Double
  }

  /// At most one episode per deployment and month; migrations make them likelier,
  /// a good migration rarer and a bad one more frequent.
  func episodes() -> [[Episode?]] {
    portfolio.deployments.map { d in
      let agency = portfolio.agency(of: d)
      var random = SampleRandom(seed: seed, key: d.key(agencyID: agency.id), salt: 0xE915)
      return months.map { month -> Episode? in
        let probability: Double
        switch agency.status(month: month) {
        case .pre: probability = 0.3
        case .migrating: probability = 0.7
        case .post: probability = 0.3 * agency.outcome.errors
        }
        let (year, monthOfYear) = (month / 12, month % 12 + 1)
        let first = SampleCalendar.dayNumber(year: year, month: monthOfYear, day: 1)
        let start = first + random.int(0...27)
        let length = random.int(2...10)
        let latency = random.uniform(1.3, 1.9)
        let errors = random.uniform(1.5, 3.5)
        guard random.chance(probability) else { return nil }
        return Episode(days: start...(start + length - 1), latency: latency, errors: errors)
      }
    }
  }

  private static let weekdayLoad: [Double] = [1.15, 1.05, 1.0, 1.0, 0.9, 0.45, 0.35]
  private static let appointmentWeekdayLoad: [Double] = [1.2, 1.1, 1.05, 1.0, 0.9, 0.25, 0.1]

  /// What the daily loop needs of one deployment, gathered once.
  private struct Lane {
    var prefix: [UInt8]  // agency_id,service_type,aws_region
    var slaLatency: Double
    var slaErrorPct: Double
    var outcome: SampleAgency.Outcome
    var weekLoad: [Double]
    var outageDays: Set<Int>
  }

  /// Writes `performance_daily.csv` in (date, agency_id, service_type, aws_region) order.
  mutating func writePerformance(to url: URL) throws -> Int {
    var out = try SampleCSVWriter(
      url: url,
      header: [
        "date", "agency_id", "service_type", "aws_region", "request_count", "error_count", "avg_latency_ms",
        "p95_latency_ms",
      ])
    let deployments = portfolio.deployments
    let monthCount = months.count
    let appointments = SampleCatalog.serviceIndex("appointments")
    var outages = Array(repeating: Set<Int>(), count: deployments.count)
    for outage in portfolio.outages { outages[outage.deployment].insert(outage.day) }
    let lanes = deployments.enumerated().map { index, d in
      let agency = portfolio.agency(of: d)
      let service = SampleCatalog.services[d.service]
      return Lane(
        prefix: Array("\(agency.id),\(service.type),\(SampleCatalog.regions[d.region].code)".utf8),
        slaLatency: service.slaLatencyMs, slaErrorPct: service.slaErrorRatePct, outcome: agency.outcome,
        weekLoad: d.service == appointments ? Self.appointmentWeekdayLoad : Self.weekdayLoad,
        outageDays: outages[index])
    }
    let statuses = deployments.flatMap { d in months.map { portfolio.agency(of: d).status(month: $0) } }
    let episodes = self.episodes().flatMap { $0 }
    var streams = deployments.map { d in
      SampleRandom(seed: seed, key: d.key(agencyID: portfolio.agency(of: d).id), salt: 0xDA11)
    }
    for number in firstDay...lastDay {
      let day = day(number)
      for index in deployments.indices {
        let d = deployments[index]
        let lane = lanes[index]
        let slot = index * monthCount + day.monthIndex
        let status = statuses[slot]
        var random = streams[index]
        defer { streams[index] = random }
        out.raw(day.text)
        out.raw(lane.prefix)
        if !lane.outageDays.isEmpty && lane.outageDays.contains(number) {
          out.int(0)
          out.int(0)
          out.fixed2(0)
          out.fixed2(0)
          try out.endRow()
          daySums[index][day.monthIndex] += 1
          continue
        }
        var season = 1.0
        if let p = day.taxProgress {
          season = 1 + (d.taxBoost - 1) * (0.25 + 0.75 * p * p * p)
        } else if day.holiday {
          season = d.holidayBoost
        } else if day.quiet {
          season = 0.55
        }
        let week = lane.weekLoad[day.weekday - 1]
        let load = season * week * random.jitter(0.07)
        let requests = max(0, Int((d.baseRequests * (1 + 0.06 * day.years) * load).rounded()))
        // Fixed capacity before migration, auto-scaling after: strain starts later.
        let headroom = status == .post ? 1.8 : 1.5
        let over = max(0, load / headroom - 0.75)
        var latency = 1 + 0.5 * over + 0.5 * over * over
        var errors = 1 + 2.5 * over * over
        switch status {
        case .pre: break
        case .migrating:
          latency *= 1.15
          errors *= 1.6
        case .post:
          latency *= lane.outcome.latency
          errors *= lane.outcome.errors
        }
        let incidentRate = status == .migrating ? 0.03 : (status == .post ? 0.005 : 0.008)
        if random.chance(incidentRate) {
          latency *= random.uniform(1.5, 2.4)
          errors *= random.uniform(3, 6)
        }
        if let episode = episodes[slot], episode.days.contains(number) {
          latency *= episode.latency
          errors *= episode.errors
        }
        if day.weekday >= 6 { latency *= 0.94 }
        let p95 = lane.slaLatency * d.p95Share * latency * random.jitter(0.15)
        let avg = p95 / max(1.3, 2.1 * random.jitter(0.06))
        let errorPct = lane.slaErrorPct * d.errorShare * errors * random.jitter(0.3, floor: 0.1)
        let errorCount = min(requests, Int((Double(requests) * errorPct / 100).rounded()))
        out.int(requests)
        out.int(errorCount)
        out.fixed2(avg)
        out.fixed2(p95)
        try out.endRow()
        requestSums[index][day.monthIndex] += Double(requests)
        loadSums[index][day.monthIndex] += season * week
        daySums[index][day.monthIndex] += 1
      }
    }
    try out.close()
    return out.rows
  }
}
