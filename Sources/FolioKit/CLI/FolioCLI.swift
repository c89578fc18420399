import Foundation

/// Exit codes that CI jobs can rely on.
public enum ExitCode: Int32, Sendable {
  case ok = 0
  /// A data, pipeline or template problem.
  case dataError = 1
  /// The command line was wrong.
  case usage = 2
}

/// Parses a `folio` command line and runs it.
struct FolioCLI {
  var arguments: [String]

  func run() -> Int32 {
    guard let command = arguments.first, command != "--help", command != "-h", command != "help"
    else {
      print(Self.usage)
      return ExitCode.ok.rawValue
    }
    Console.error("folio: unknown command '\(command)'\n\(Self.usage)")
    return ExitCode.usage.rawValue
  }

  static let usage = """
    usage: folio <command> [options]

    commands:
      build    ingest data, run the pipeline and render the report
      check    validate inputs, pipeline and templates without writing output
      sample   write the synthetic sample data set
    run 'folio <command> --help' for a command's options
    """
}
