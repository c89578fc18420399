extension SamplePortfolio {
  /// A deployment before its per-agency defaults are filled in.
  private struct Plan {
    var service: String
    var regions: [String]
    var requests: Double
    var p95Share: Double
    var resources: Double
    var rate: Double
    var taxBoost: Double? = nil
    var holidayBoost: Double? = nil
  }

  static let namedAgencies: [SampleAgency] = {
    let m = SampleCalendar.monthNumber
    func agency(
      _ id: Int, _ name: String, _ sector: String, _ start: Int?, _ months: Int, _ outcome: SampleAgency.Outcome,
      utilisation: Double = 58, after: Double? = nil, tagging: (Double, Double) = (0.82, 0.96)
    ) -> SampleAgency {
      SampleAgency(
        id: id, name: name, sector: sector, migrationStart: start, migrationMonths: months, outcome: outcome,
        utilisation: utilisation, utilisationAfter: after ?? rightSized(utilisation, outcome),
        taggingBefore: tagging.0, taggingAfter: tagging.1)
    }
    return [
      agency(1, "Revenue Authority", "Finance", m(2024, 8), 2, .improves),
      agency(2, "Driver & Vehicle Licensing Agency", "Transport", m(2025, 1), 2, .improves, utilisation: 62),
      agency(3, "Health Service Executive", "Health", m(2023, 3), 2, .improves, utilisation: 64, tagging: (0.9, 0.95)),
      agency(4, "Transport Authority", "Transport", nil, 0, .noChange, utilisation: 91, tagging: (0.45, 0.45)),
      agency(5, "Land Registry", "Housing, Land & Property", m(2024, 5), 1, .worsens, utilisation: 55, after: 85),
      agency(6, "Department of Social Protection", "Social Welfare", m(2025, 5), 3, .improves, utilisation: 60),
      agency(7, "Companies Registration Office", "Enterprise & Trade", m(2024, 2), 1, .improves, utilisation: 12, tagging: (0.55, 0.5)),
      agency(8, "Passport Office", "Foreign Affairs", m(2026, 6), 2, .improves, utilisation: 57),
      agency(9, "Courts Service", "Justice", m(2024, 11), 2, .noChange, utilisation: 52),
      agency(10, "Department of Education", "Education", nil, 0, .noChange, utilisation: 15, tagging: (0.5, 0.5)),
      agency(11, "Environmental Protection Agency", "Environment", m(2023, 5), 1, .improves, utilisation: 9, tagging: (0.7, 0.68)),
      agency(12, "Central Statistics Office", "Statistics", m(2026, 2), 1,
             SampleAgency.Outcome(latency: 1.12, errors: 1.35, cost: 1.2), utilisation: 48),
    ]
  }()

  /// A good migration pulls utilisation halfway to the sweet spot; waste and bad
  /// migrations keep theirs.
  static func rightSized(_ utilisation: Double, _ outcome: SampleAgency.Outcome) -> Double {
    utilisation >= 20 && outcome.latency < 1 ? utilisation + (62 - utilisation) * 0.5 : utilisation
  }

  /// Each named agency runs 2–4 services in one or two regions.
  private static let namedPlans: [[Plan]] = [
    [  // Revenue Authority: the tax-season story.
      Plan(service: "tax_filing", regions: ["eu-west-1", "eu-central-1"], requests: 60000, p95Share: 0.6, resources: 80, rate: 0.22, taxBoost: 3.0),
      Plan(service: "payments", regions: ["eu-west-1"], requests: 25000, p95Share: 0.62, resources: 30, rate: 0.2, taxBoost: 1.5),
      Plan(service: "identity_verification", regions: ["eu-west-1"], requests: 15000, p95Share: 0.6, resources: 14, rate: 0.2, taxBoost: 1.4),
    ],
    [  // Driver & Vehicle Licensing Agency
      Plan(service: "licensing", regions: ["eu-west-1", "eu-west-2"], requests: 20000, p95Share: 0.66, resources: 24, rate: 0.18),
      Plan(service: "payments", regions: ["eu-west-1"], requests: 12000, p95Share: 0.62, resources: 12, rate: 0.2),
      Plan(service: "appointments", regions: ["eu-west-1"], requests: 6000, p95Share: 0.6, resources: 6, rate: 0.15),
    ],
    [  // Health Service Executive
      Plan(service: "appointments", regions: ["eu-west-1", "eu-central-1"], requests: 40000, p95Share: 0.6, resources: 30, rate: 0.16),
      Plan(service: "records_search", regions: ["eu-west-1"], requests: 10000, p95Share: 0.58, resources: 14, rate: 0.16),
      Plan(service: "identity_verification", regions: ["eu-west-1"], requests: 8000, p95Share: 0.62, resources: 8, rate: 0.2),
    ],
    [  // Transport Authority: legacy, never migrated, runs close to its thresholds.
      Plan(service: "permits", regions: ["eu-west-1"], requests: 3000, p95Share: 0.8, resources: 8, rate: 0.14),
      Plan(service: "payments", regions: ["eu-west-1"], requests: 9000, p95Share: 0.84, resources: 14, rate: 0.2),
      Plan(service: "records_search", regions: ["eu-west-1"], requests: 2500, p95Share: 0.78, resources: 6, rate: 0.14),
    ],
    [  // Land Registry: got worse after migrating.
      Plan(service: "records_search", regions: ["eu-west-2"], requests: 12000, p95Share: 0.68, resources: 18, rate: 0.16),
      Plan(service: "payments", regions: ["eu-west-2"], requests: 3000, p95Share: 0.64, resources: 6, rate: 0.2),
    ],
    [  // Department of Social Protection: the holiday-peak story.
      Plan(service: "benefits_claims", regions: ["eu-west-1", "eu-central-1"], requests: 35000, p95Share: 0.72, resources: 40, rate: 0.18, holidayBoost: 1.7),
      Plan(service: "payments", regions: ["eu-west-1"], requests: 30000, p95Share: 0.66, resources: 24, rate: 0.2, holidayBoost: 1.4),
      Plan(service: "identity_verification", regions: ["eu-west-1"], requests: 10000, p95Share: 0.6, resources: 8, rate: 0.2),
      Plan(service: "appointments", regions: ["eu-west-1"], requests: 5000, p95Share: 0.55, resources: 5, rate: 0.15),
    ],
    [  // Companies Registration Office: over-provisioned and poorly tagged.
      Plan(service: "records_search", regions: ["eu-west-1"], requests: 8000, p95Share: 0.6, resources: 40, rate: 0.15),
      Plan(service: "permits", regions: ["eu-west-1"], requests: 1500, p95Share: 0.6, resources: 10, rate: 0.14),
      Plan(service: "payments", regions: ["eu-west-1"], requests: 2000, p95Share: 0.62, resources: 6, rate: 0.2),
    ],
    [  // Passport Office: the most recent migration.
      Plan(service: "identity_verification", regions: ["eu-west-1", "eu-north-1"], requests: 18000, p95Share: 0.7, resources: 20, rate: 0.2),
      Plan(service: "appointments", regions: ["eu-west-1"], requests: 9000, p95Share: 0.62, resources: 8, rate: 0.15),
      Plan(service: "payments", regions: ["eu-west-1"], requests: 7000, p95Share: 0.62, resources: 8, rate: 0.2),
    ],
    [  // Courts Service: migrated without a clear change.
      Plan(service: "records_search", regions: ["eu-west-1"], requests: 4000, p95Share: 0.66, resources: 8, rate: 0.15),
      Plan(service: "payments", regions: ["eu-west-1"], requests: 2500, p95Share: 0.64, resources: 5, rate: 0.2),
      Plan(service: "appointments", regions: ["eu-west-1"], requests: 1200, p95Share: 0.6, resources: 3, rate: 0.15),
    ],
    [  // Department of Education: not migrated yet, low utilisation.
      Plan(service: "benefits_claims", regions: ["eu-west-1"], requests: 6000, p95Share: 0.66, resources: 30, rate: 0.15),
      Plan(service: "records_search", regions: ["eu-west-1"], requests: 3000, p95Share: 0.6, resources: 10, rate: 0.14),
      Plan(service: "appointments", regions: ["eu-west-2"], requests: 800, p95Share: 0.58, resources: 4, rate: 0.15),
    ],
    [  // Environmental Protection Agency: small, idle, untagged.
      Plan(service: "permits", regions: ["eu-west-1"], requests: 900, p95Share: 0.6, resources: 4, rate: 0.12),
      Plan(service: "records_search", regions: ["eu-west-1"], requests: 1500, p95Share: 0.6, resources: 3, rate: 0.12),
    ],
    [  // Central Statistics Office: a little worse since its 2026 migration.
      Plan(service: "records_search", regions: ["eu-west-1", "eu-central-1"], requests: 5000, p95Share: 0.64, resources: 10, rate: 0.15),
      Plan(service: "identity_verification", regions: ["eu-west-1"], requests: 700, p95Share: 0.62, resources: 3, rate: 0.2),
    ],
  ]

  static func namedDeployments() -> [SampleDeployment] {
    var result: [SampleDeployment] = []
    for (index, plans) in namedPlans.enumerated() {
      result += deployments(agency: index, plans: plans)
    }
    return result
  }

  /// Expands plans into deployments in (service_type, aws_region) byte order.
  private static func deployments(agency: Int, plans: [Plan]) -> [SampleDeployment] {
    var result: [SampleDeployment] = []
    for plan in plans {
      let service = SampleCatalog.serviceIndex(plan.service)
      for (position, code) in plan.regions.enumerated() {
        // A second region carries the smaller share (standby / active-active).
        let share = position == 0 ? 1.0 : 0.45
        result.append(
          SampleDeployment(
            agency: agency, service: service, region: SampleCatalog.regionIndex(code),
            baseRequests: plan.requests * share, p95Share: plan.p95Share, errorShare: 0.3 + max(0, plan.p95Share - 0.6),
            taxBoost: plan.taxBoost ?? defaultTaxBoost(plan.service), holidayBoost: plan.holidayBoost ?? defaultHolidayBoost(plan.service),
            resources: max(2, (plan.resources * (position == 0 ? 1.0 : 0.5)).rounded()), hourlyRate: plan.rate,
            storageGB: plan.resources * 60, kilobytesPerRequest: 180))
      }
    }
    return result.sorted { ($0.service, $0.region) < ($1.service, $1.region) }
  }

  /// Tax season also brings logins and payments to every agency's critical services.
  private static func defaultTaxBoost(_ service: String) -> Double {
    service == "payments" || service == "identity_verification" ? 1.35 : 1.08
  }

  private static func defaultHolidayBoost(_ service: String) -> Double {
    switch service {
    case "payments": return 1.25
    case "benefits_claims": return 1.4
    case "appointments": return 0.9
    default: return 1.05
    }
  }

  private static let places = [
    "Dublin", "Cork", "Galway", "Limerick", "Waterford", "Kilkenny", "Sligo", "Donegal", "Kerry", "Mayo",
    "Wexford", "Wicklow", "Meath", "Louth", "Clare", "Tipperary", "Offaly", "Laois", "Westmeath", "Longford",
    "Roscommon", "Leitrim", "Cavan", "Monaghan", "Carlow", "Kildare",
  ]
  private static let kinds: [(String, String)] = [
    ("County Council", "Local Government"), ("Education and Training Board", "Education"),
    ("Local Enterprise Office", "Enterprise & Trade"), ("Housing Authority", "Housing, Land & Property"),
    ("Fire and Rescue Service", "Emergency Services"), ("Library Service", "Culture"),
    ("Water Services", "Utilities"), ("Citizens Information Centre", "Social Welfare"),
  ]

  /// A generated agency for `rows:` scaling: four services in two regions.
  static func generatedAgency(id: Int, index: Int, seed: UInt64) -> (SampleAgency, [SampleDeployment]) {
    var random = SampleRandom(seed: seed, key: UInt64(id), salt: 0xA6E)
    let serial = id - 13
    let place = places[serial % places.count]
    let (kind, sector) = kinds[(serial / places.count) % kinds.count]
    let round = serial / (places.count * kinds.count)
    let name = round == 0 ? "\(place) \(kind)" : "\(place) \(kind) \(round + 1)"
    let firstMonth = SampleCalendar.monthNumber(year: 2023, month: 6)
    let start = firstMonth + random.int(0...48)  // some before the window, some never within it
    let roll = random.unit()
    let outcome: SampleAgency.Outcome = roll < 0.7 ? .improves : (roll < 0.85 ? .noChange : .worsens)
    let utilisation = random.chance(0.2) ? random.uniform(6, 18) : random.uniform(40, 78)
    let agency = SampleAgency(
      id: id, name: name, sector: sector, migrationStart: start, migrationMonths: random.int(1...3), outcome: outcome,
      utilisation: utilisation, utilisationAfter: rightSized(utilisation, outcome),
      taggingBefore: random.uniform(0.4, 0.95), taggingAfter: random.uniform(0.7, 0.99))
    let firstService = random.int(0...7)
    let regionPair = [[2, 0], [2, 3], [3, 2], [2, 1]][random.int(0...3)]
    var plans: [Plan] = []
    for step in 0..<4 {
      let service = SampleCatalog.services[(firstService + step * 3) % SampleCatalog.services.count].type
      plans.append(
        Plan(
          service: service, regions: regionPair.map { SampleCatalog.regions[$0].code },
          requests: random.uniform(300, 30000), p95Share: random.uniform(0.55, 0.82),
          resources: random.uniform(3, 40).rounded(), rate: random.uniform(0.12, 0.22),
          taxBoost: service == "tax_filing" ? 2.5 : nil))
    }
    return (agency, deployments(agency: index, plans: plans))
  }
}
