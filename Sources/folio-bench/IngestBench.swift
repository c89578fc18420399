import Foundation
import FolioKit

/// Writes a synthetic data set with about `rows` performance rows to `directory` (bench only;
/// `folio sample` is the real generator).
func writeBenchData(rows: Int, to directory: URL) throws {
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: directory.appendingPathComponent(name))
  }
  let agencies = 12
  let services = ["api", "batch", "db", "identity", "licensing", "payments", "portal", "tax"]
  let regions = ["af-south-1", "eu-west-1", "us-east-1", "ap-southeast-2"]
  var text = "agency_id,agency_name,sector,country,country_code\n"
  for a in 1...agencies { text += "\(a),Agency \(a),Sector \(a % 4),South Africa,ZA\n" }
  try write("agencies.csv", text)
  text = "service_type,service_name,criticality,sla_latency_ms,sla_error_rate_pct,slo_target_pct\n"
  for s in services { text += "\(s),\(s.capitalized) service,high,800,1.5,99.5\n" }
  try write("services.csv", text)
  text = "aws_region,region_name\n" + regions.map { "\($0),Region \($0)\n" }.joined()
  try write("regions.csv", text)
  try write("peak_periods.csv", "name,start_date,end_date\nTax season,2021-07-01,2021-10-31\n")
  let combos = agencies * services.count * regions.count
  let days = Swift.max(1, (rows + combos - 1) / combos)
  var dates: [String] = []
  var (y, m, d) = (2021, 1, 1)
  let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  for _ in 0..<days {
    dates.append(String(format: "%04d-%02d-%02d", y, m, d))
    let length = m == 2 && y % 4 == 0 ? 29 : monthLengths[m - 1]
    d += 1
    if d > length { (d, m) = (1, m + 1) }
    if m > 12 { (m, y) = (1, y + 1) }
  }
  let months = Array(Set(dates.map { String($0.prefix(7)) })).sorted()
  var usage = "agency_id,country,country_code,month,service_type,compute_hours,storage_gb,"
    + "data_egress_gb,utilisation_pct,cost_usd,aws_region,migration_status,resource_count,"
    + "tagged_resource_count\n"
  var seed: UInt64 = 42
  func next() -> Double {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(seed >> 11) / Double(1 << 53)
  }
  for a in 1...agencies {
    for s in services {
      for r in regions {
        for (i, month) in months.enumerated() {
          let status = i < months.count / 3 ? "pre_migration" : i == months.count / 3 ? "migrating" : "post_migration"
          usage += "\(a),South Africa,ZA,\(month),\(s),\(Int(next() * 900)).5,\(Int(next() * 5000)),"
          usage += "\((next() * 300).rounded() / 10),\((next() * 1000).rounded() / 10),"
          usage += "\((next() * 2_000_000).rounded() / 100),\(r),\(status),40,\(Int(next() * 40))\n"
        }
      }
    }
  }
  try write("usage_monthly.csv", usage)
  let handle = try FileHandle(forWritingTo: {
    let url = directory.appendingPathComponent("performance_daily.csv")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    return url
  }())
  var out = "date,agency_id,service_type,aws_region,request_count,error_count,avg_latency_ms,p95_latency_ms\n"
  var written = 0
  outer: for date in dates {
    for a in 1...agencies {
      for s in services {
        for r in regions {
          let requests = Int(next() * 50_000)
          let errors = Int(Double(requests) * next() * 0.02)
          let avg = (next() * 400_00).rounded() / 100
          out += "\(date),\(a),\(s),\(r),\(requests),\(errors),\(avg),\((avg * 2.1 * 100).rounded() / 100)\n"
          written += 1
          if out.utf8.count > 1 << 20 {
            handle.write(Data(out.utf8))
            out = ""
          }
          if written >= rows { break outer }
        }
      }
    }
  }
  handle.write(Data(out.utf8))
  try handle.close()
}

/// Generates `rows` performance rows with the bench's own generator, then runs `runParseBench` on them.
public func runIngestBench(rows: Int) throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "folio-ingest-bench-\(rows)")
  let perf = directory.appendingPathComponent("performance_daily.csv")
  if !FileManager.default.fileExists(atPath: perf.path) {
    try writeBenchData(rows: rows, to: directory)
  }
  try runParseBench(directory: directory, runs: 3)
}

/// Ingests the CSV files of `directory` into a no-op sink `runs` times (parse and validate only,
/// no SQLite) and prints the median MB/s and rows/s, then one `RESULT parse ...` line for scripts.
public func runParseBench(directory: URL, runs: Int) throws {
  func cpuSeconds(_ clock: clockid_t = CLOCK_PROCESS_CPUTIME_ID) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
  var walls: [Double] = []
  var cpus: [Double] = []
  var threads: [Double] = []
  var perfRates: [Double] = []
  var report: IngestReport?
  for _ in 0..<max(1, runs) {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpu = cpuSeconds()
    let thread = cpuSeconds(CLOCK_THREAD_CPUTIME_ID)
    let r = try Ingest(dataDirectory: directory, displayPath: "data").run(into: NullTableSink())
    walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    cpus.append(cpuSeconds() - cpu)
    threads.append(cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - thread)
    if let perfFile = r.files.last, perfFile.parseSeconds > 0 {
      perfRates.append(Double(perfFile.bytes) / 1e6 / perfFile.parseSeconds)
    }
    report = r
  }
  guard let report, report.hasData else {
    print("parse bench: no input files in \(directory.path)")
    return
  }
  let mb = Double(report.totalBytes) / 1_000_000
  let wall = median(walls)
  let thread = median(threads)
  let rows = Double(report.totalRows)
  print(
    String(
      format:
        "parse %d rows, %.1f MB: median of %d runs %.3f s wall = %.0f MB/s, %.2f M rows/s "
        + "(performance_daily.csv %.0f MB/s); %.3f s CPU (both threads); parse thread %.3f s CPU = %.0f MB/s",
      report.totalRows, mb, walls.count, wall, mb / wall, rows / wall / 1e6, median(perfRates),
      median(cpus), thread, mb / thread))
  print(
    String(
      format: "RESULT parse rows=%d mb=%.3f runs=%d wall_s=%.4f mb_per_s=%.1f rows_per_s=%.0f",
      report.totalRows, mb, walls.count, wall, mb / wall, rows / wall))
}

/// The median of `values` (the mean of the middle two for an even count); NaN when empty.
func median(_ values: [Double]) -> Double {
  guard !values.isEmpty else { return .nan }
  let sorted = values.sorted()
  let mid = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
