import Foundation

/// Exit codes that CI jobs can rely on (docs/cli.md).
public enum ExitCode: Int32, Sendable {
  case ok = 0
  /// A data, pipeline, template or output problem.
  case dataError = 1
  /// The command line was wrong.
  case usage = 2
}

/// Parses a `folio` command line and runs it.
struct FolioCLI {
  var arguments: [String]

  func run() -> Int32 {
    guard let command = arguments.first, !["--help", "-h", "help"].contains(command) else {
      Console.out(Self.usage)
      return ExitCode.ok.rawValue
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      guard let help = Self.commandHelp[command] else { return unknown(command) }
      Console.out(help)
      return ExitCode.ok.rawValue
    }
    do {
      switch command {
      case "build": try build(rest, checkOnly: false)
      case "check": try build(rest, checkOnly: true)
      case "sample": try sample(rest)
      case "email": try email(rest)
      default: return unknown(command)
      }
      return ExitCode.ok.rawValue
    } catch let error as UsageError {
      Console.error(error.description)
      return ExitCode.usage.rawValue
    } catch let error as FolioError where error.stage == .usage {
      Console.error("folio: " + error.description)
      return ExitCode.usage.rawValue
    } catch let error as FolioError {
      Console.error("error[\(error.stage.rawValue)]: " + error.description)
      return ExitCode.dataError.rawValue
    } catch let error as FolioErrors {
      let stage = error.errors.first?.stage.rawValue ?? "build"
      Console.error("error[\(stage)]: \(error.errors.count + error.omitted) problem(s):\n" + error.description)
      return ExitCode.dataError.rawValue
    } catch {
      Console.error("error: \(error)")
      return ExitCode.dataError.rawValue
    }
  }

  func unknown(_ command: String) -> Int32 {
    Console.error("folio: unknown command '\(command)'\n\(Self.usage)")
    return ExitCode.usage.rawValue
  }

  func build(_ args: [String], checkOnly: Bool) throws {
    let command = checkOnly ? "check" : "build"
    let parsed = try ParsedArguments(
      args, options: ["project", "data", "out", "month", "config", "on-bad-rows"],
      flags: checkOnly ? ["strict", "quiet"] : ["strict", "all-months", "force", "quiet"], command: command)
    var options = BuildOptions(layout: layout(parsed))
    if let month = parsed.value("month") {
      guard BuildOptions.validMonth(month) else {
        throw UsageError("folio \(command): --month wants YYYY-MM, not '\(month)'")
      }
      options.month = month
    }
    if let policy = parsed.value("on-bad-rows") {
      guard let p = BadRowPolicy(rawValue: policy) else {
        throw UsageError("folio \(command): --on-bad-rows is 'fail' or 'quarantine', not '\(policy)'")
      }
      options.badRows = p
    }
    options.strict = parsed.has("strict")
    options.allMonths = parsed.has("all-months")
    options.force = parsed.has("force")
    options.quiet = parsed.has("quiet")
    options.checkOnly = checkOnly
    if options.allMonths && options.month != nil {
      throw UsageError("folio build: --all-months and --month exclude each other")
    }
    let result = try SiteBuilder(options: options).run()
    if checkOnly, !options.quiet {
      Console.out("ok: inputs, pipeline and \(result.pages) pages check out\(result.warnings.isEmpty ? "" : " (\(result.warnings.count) warnings)")")
    }
  }

  func layout(_ parsed: ParsedArguments) -> ProjectLayout {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let root = parsed.value("project").map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? cwd
    return ProjectLayout(
      root: root,
      data: parsed.value("data").map { URL(fileURLWithPath: $0, relativeTo: cwd) },
      output: parsed.value("out").map { URL(fileURLWithPath: $0, relativeTo: cwd) },
      config: parsed.value("config").map { URL(fileURLWithPath: $0, relativeTo: cwd) })
  }

  func sample(_ args: [String]) throws {
    let parsed = try ParsedArguments(args, options: ["out", "seed", "rows"], flags: [], command: "sample")
    guard let out = parsed.value("out") else { throw UsageError("folio sample: --out DIR is required") }
    var seed: UInt64 = 42
    if let s = parsed.value("seed") {
      guard let v = UInt64(s) else { throw UsageError("folio sample: --seed wants a whole number, not '\(s)'") }
      seed = v
    }
    var rows: Int?
    if let r = parsed.value("rows") {
      guard let v = Int(r), v > 0 else { throw UsageError("folio sample: --rows wants a positive number, not '\(r)'") }
      rows = v
    }
    let start = Date()
    let counts = try SampleGenerator(seed: seed, rows: rows).write(to: URL(fileURLWithPath: out))
    for (file, n) in counts.sorted(by: { $0.key < $1.key }) {
      Console.out("  \(file.padding(toLength: 22, withPad: " ", startingAt: 0)) \(ValueFormat(.int).string(Double(n))) rows")
    }
    Console.out(String(format: "wrote sample data to %@ in %.2f s", out, Date().timeIntervalSince(start)))
  }

  static let usage = """
    usage: folio <command> [options]

    commands:
      build    ingest data, run the pipeline and render the report into output/
      check    validate inputs, pipeline and pages without writing output
      sample   write the synthetic sample data set
      email    write the executive edition as an .eml message
    run 'folio <command> --help' for a command's options

    exit codes: 0 ok, 1 data/pipeline/template error, 2 usage error
    """

  static let commandHelp: [String: String] = [
    "build": """
      usage: folio build [--project DIR] [--data DIR] [--out DIR] [--month YYYY-MM | --all-months]
                         [--config FILE] [--on-bad-rows fail|quarantine] [--strict] [--force] [--quiet]

        --project DIR      the project folder (default: the current folder)
        --data DIR         raw CSV files (default: PROJECT/data)
        --out DIR          output folder (default: PROJECT/output)
        --month YYYY-MM    the edition to build (default: the latest month in the data)
        --all-months       build an edition for every month in the data
        --config FILE      metric settings and site options (default: PROJECT/folio.json, optional)
        --on-bad-rows      fail (default): stop on any bad row; quarantine: set bad rows aside
                           in output/<month>/data/rejects/ and go on
        --strict           warnings (empty charts, unused queries, unknown names) are errors
        --force            rebuild even when no input changed
        --quiet            print errors only
      """,
    "check": """
      usage: folio check [--project DIR] [--data DIR] [--month YYYY-MM] [--config FILE] [--strict]

      Validates the data, runs the pipeline and renders every page in a temporary
      folder; writes nothing to output/. Exit 0 when all is well, 1 otherwise.
      """,
    "sample": """
      usage: folio sample --out DIR [--seed N] [--rows N]

      Writes the six sample CSV files. The same seed gives byte-identical files;
      --rows scales performance_daily.csv to about N rows (for benchmarks).
      """,
    "email": """
      usage: folio email [--project DIR] [--out-dir DIR] [--month YYYY-MM] --out FILE.eml
                         [--to ADDR ...] [--from ADDR] [--subject TEXT]

      Writes the executive overview and insights of a built edition as a
      multipart email ready for `sendmail -t -i < FILE.eml`, and FILE.html beside it.
      """,
  ]
}
