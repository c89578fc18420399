import Foundation

extension SampleModel {
  /// Writes `usage_monthly.csv` in (month, agency_id, service_type, aws_region) order;
  /// call after `writePerformance`, whose monthly sums drive utilisation and egress.
  func writeUsage(to url: URL) throws -> Int {
    var out = try SampleCSVWriter(
      url: url,
      header: [
        "agency_id", "country", "country_code", "month", "service_type", "compute_hours", "storage_gb",
        "data_egress_gb", "utilisation_pct", "cost_usd", "aws_region", "migration_status", "resource_count",
        "tagged_resource_count",
      ])
    let deployments = portfolio.deployments
    var streams = deployments.map { d in
      SampleRandom(seed: seed, key: d.key(agencyID: portfolio.agency(of: d).id), salt: 0x05A6E)
    }
    for (monthIndex, month) in months.enumerated() {
      let monthText = SampleCalendar.monthText(month)
      let (year, monthOfYear) = (month / 12, month % 12 + 1)
      let hours = 24.0 * Double(SampleCalendar.daysInMonth(year: year, month: monthOfYear))
      let years = Double(month - SampleCalendar.monthNumber(year: 2023, month: 12)) / 12
      for (index, d) in deployments.enumerated() {
        let agency = portfolio.agency(of: d)
        let status = agency.status(month: month)
        var random = streams[index]
        defer { streams[index] = random }
        let days = daySums[index][monthIndex]
        let load = days > 0 ? loadSums[index][monthIndex] / Double(days) / Self.ordinaryWeekLoad : 1
        let spike = portfolio.spikes[.init(deployment: index, month: month)] ?? 1

        var resources = d.resources * (1 + 0.05 * years) * (status == .post ? 1.1 : 1) * spike
        resources = max(1, (resources * random.jitter(0.03)).rounded())
        let resourceCount = Int(resources)
        let tagging: Double
        switch status {
        case .pre: tagging = agency.taggingBefore
        case .migrating: tagging = (agency.taggingBefore + agency.taggingAfter) / 2
        case .post: tagging = agency.taggingAfter
        }
        let tagged = min(resourceCount, max(0, Int((resources * tagging * random.jitter(0.03)).rounded())))

        // Fixed capacity fills up with load; auto-scaled capacity follows it.
        var utilisation = agency.utilisation
        switch status {
        case .pre: utilisation *= 1 + 0.35 * (load - 1)
        case .migrating: utilisation *= 0.85
        case .post: utilisation = agency.utilisationAfter * (1 + 0.1 * (load - 1))
        }
        utilisation = utilisation * random.jitter(0.06) / spike
        if utilisation > 85 { utilisation = 85 + (utilisation - 85) * 0.5 }  // saturation flattens out
        utilisation = min(99, max(1, utilisation))

        let scaling = status == .post ? 0.75 + 0.25 * load : 1
        let compute = resources * 0.72 * hours * scaling * random.jitter(0.02)
        let storage = d.storageGB * (1 + 0.015 * years * 12)
        let egress = requestSums[index][monthIndex] * d.kilobytesPerRequest / 1_000_000
        var cost = compute * d.hourlyRate + storage * 0.023 + egress * 0.09
        switch status {
        case .pre: break
        case .migrating: cost *= 1.12  // old and new platforms run side by side
        case .post: cost *= agency.outcome.cost
        }
        cost *= random.jitter(0.03)

        out.int(agency.id)
        out.text(SampleCatalog.country)
        out.text(SampleCatalog.countryCode)
        out.text(monthText)
        out.text(SampleCatalog.services[d.service].type)
        out.fixed2(compute)
        out.fixed2(storage)
        out.fixed2(egress)
        out.fixed2(utilisation)
        out.fixed2(cost)
        out.text(SampleCatalog.regions[d.region].code)
        out.text(status.rawValue)
        out.int(resourceCount)
        out.int(tagged)
        try out.endRow()
      }
    }
    try out.close()
    return out.rows
  }
}
