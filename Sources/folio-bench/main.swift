import FolioKit

// `folio-bench [ROWS...]`: ingest benchmark for each row count (default 100k and 1M).
let counts = CommandLine.arguments.dropFirst().compactMap { Int($0) }
for rows in counts.isEmpty ? [100_000, 1_000_000] : counts {
  do { try runIngestBench(rows: rows) } catch { print("ingest bench failed: \(error)") }
}
