import FolioKit

// `folio-bench [ingest [ROWS...] | charts]`: micro-benchmarks (make bench runs the rest).
let arguments = Array(CommandLine.arguments.dropFirst())
let suite = arguments.first.flatMap { ["ingest", "charts"].contains($0) ? $0 : nil }
if suite == nil || suite == "ingest" {
  let counts = arguments.compactMap { Int($0) }
  for rows in counts.isEmpty ? [100_000, 1_000_000] : counts {
    do { try runIngestBench(rows: rows) } catch { print("ingest bench failed: \(error)") }
  }
}
if suite == nil || suite == "charts" { runChartsBench() }
