import Foundation

extension CommandLine {
  /// Runs one `folio` invocation and returns its exit code (see `docs/cli.md`).
  public static func run(_ arguments: [String]) -> Int32 {
    FolioCLI(arguments: arguments).run()
  }
}
