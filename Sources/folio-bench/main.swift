import Foundation
import FolioKit

// `folio-bench ingest [ROWS...]`: parse benchmark on the bench's own synthetic data (default 100k and 1M rows).
// `folio-bench parse DIR [RUNS]`: parse benchmark on the CSV files of DIR (e.g. `folio sample` output).
// `folio-bench ROWS...` is the same as `folio-bench ingest ROWS...`.
let usage = """
  usage: folio-bench ingest [ROWS...]      parse rate on generated data (default 100000 1000000)
         folio-bench parse DIR [RUNS]      parse rate on the six CSV files in DIR (default 5 runs)
         folio-bench charts                1,000 typical charts, and the largest inputs' SVG sizes
         folio-bench sqlite3-script DATA PIPELINE EDITION CONFIG [--timer]
                                           the sqlite3 shell script doing Folio's ingest + pipeline;
                                           EDITION is YYYY-MM, CONFIG a file of `key|value` lines
  """

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first.flatMap { Int($0) == nil ? $0 : nil } ?? "ingest"
if !arguments.isEmpty, Int(arguments[0]) == nil { arguments.removeFirst() }

switch command {
case "ingest":
  let counts = arguments.compactMap { Int($0) }
  for rows in counts.isEmpty ? [100_000, 1_000_000] : counts {
    do { try runIngestBench(rows: rows) } catch {
      print("ingest bench failed: \(error)")
      exit(1)
    }
  }
case "parse":
  guard let dir = arguments.first else {
    print(usage)
    exit(2)
  }
  let runs = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
  do { try runParseBench(directory: URL(fileURLWithPath: dir), runs: runs) } catch {
    print("parse bench failed: \(error)")
    exit(1)
  }
case "sqlite3-script":
  guard arguments.count >= 4 else {
    print(usage)
    exit(2)
  }
  do {
    let configText = try String(contentsOfFile: arguments[3], encoding: .utf8)
    let config = configText.split(separator: "\n").compactMap { line -> (String, Double)? in
      let parts = line.split(separator: "|")
      guard parts.count == 2, let value = Double(parts[1]) else { return nil }
      return (String(parts[0]), value)
    }
    let script = SQLiteShellScript(
      dataDirectory: arguments[0], pipelineDirectory: arguments[1], editionMonth: arguments[2],
      config: config, perFileTimer: arguments.contains("--timer"))
    print(try script.text(), terminator: "")
  } catch {
    FileHandle.standardError.write(Data("sqlite3-script failed: \(error)\n".utf8))
    exit(1)
  }
case "charts":
  runChartsBench()
case "help", "--help", "-h":
  print(usage)
default:
  print(usage)
  exit(2)
}
