/// Which agencies run which services where, and the events planted in them.
///
/// The twelve named agencies and their stories are fixed (docs/sample-data.md
/// lists them); the seed only moves the day-to-day noise. `rows:` takes a
/// prefix of these deployments, or adds generated agencies after them.
struct SamplePortfolio: Sendable {
  var agencies: [SampleAgency]
  var deployments: [SampleDeployment]
  /// Cost (and resource) multipliers: a one-off spike in a deployment's month.
  var spikes: [SpikeKey: Double]
  /// Deployment × day with no requests at all (outage, cut-over, closure).
  var outages: Set<OutageKey>

  struct SpikeKey: Hashable, Sendable {
    var deployment: Int
    var month: Int
  }

  struct OutageKey: Hashable, Sendable {
    var deployment: Int
    var day: Int
  }

  /// A portfolio with `count` deployments; nil = the twelve named agencies.
  init(seed: UInt64, deploymentCount count: Int?) {
    var agencies = Self.namedAgencies
    var deployments = Self.namedDeployments()
    if let count {
      var nextID = agencies.count + 1
      while deployments.count < count {
        let (agency, extra) = Self.generatedAgency(id: nextID, index: agencies.count, seed: seed)
        agencies.append(agency)
        deployments += extra
        nextID += 1
      }
      deployments = Array(deployments.prefix(count))
      // Deployments are grouped by agency in order, so the agencies in use are a prefix.
      agencies = Array(agencies.prefix((deployments.map(\.agency).max() ?? 0) + 1))
    }
    self.agencies = agencies
    self.deployments = deployments
    spikes = [:]
    outages = []
    plant(agenciesByID: Dictionary(uniqueKeysWithValues: agencies.enumerated().map { ($0.element.id, $0.offset) }))
  }

  /// The agency of a deployment (deployments keep their index into the full list).
  func agency(of deployment: SampleDeployment) -> SampleAgency {
    agencies[deployment.agency]
  }

  private mutating func plant(agenciesByID: [Int: Int]) {
    func find(_ agencyID: Int, _ service: String, _ region: String) -> Int? {
      guard let a = agenciesByID[agencyID] else { return nil }
      let s = SampleCatalog.serviceIndex(service), r = SampleCatalog.regionIndex(region)
      return deployments.firstIndex { $0.agency == a && $0.service == s && $0.region == r }
    }
    let month = SampleCalendar.monthNumber
    let day = SampleCalendar.dayNumber
    let plantedSpikes: [(Int, String, String, Int, Double)] = [
      (3, "appointments", "eu-west-1", month(2024, 12), 1.7),
      (4, "payments", "eu-west-1", month(2025, 8), 1.9),
      (10, "benefits_claims", "eu-west-1", month(2025, 9), 1.7),
      (7, "records_search", "eu-west-1", month(2026, 3), 1.8),
      (1, "tax_filing", "eu-west-1", month(2026, 4), 1.5),
      (8, "identity_verification", "eu-west-1", month(2026, 6), 1.6),
    ]
    for (agency, service, region, m, factor) in plantedSpikes {
      if let d = find(agency, service, region) { spikes[SpikeKey(deployment: d, month: m)] = factor }
    }
    let plantedOutages: [(Int, String, String, Int)] = [
      (5, "records_search", "eu-west-2", day(2024, 5, 18)),
      (9, "appointments", "eu-west-1", day(2024, 12, 25)),
      (2, "licensing", "eu-west-2", day(2025, 2, 15)),
      (4, "permits", "eu-west-1", day(2025, 3, 9)),
      (6, "benefits_claims", "eu-central-1", day(2025, 6, 14)),
      (9, "appointments", "eu-west-1", day(2025, 12, 25)),
    ]
    for (agency, service, region, d) in plantedOutages {
      if let index = find(agency, service, region) { outages.insert(OutageKey(deployment: index, day: d)) }
    }
  }
}
