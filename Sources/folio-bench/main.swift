import FolioKit

for rows in [100_000, 1_000_000] {
  do { try runIngestBench(rows: rows) } catch { print("ingest bench failed: \(error)") }
}
