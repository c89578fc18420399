import Foundation

/// Prints one line per build stage (`[2/5] ingest  6 files  0.31 s`) and keeps
/// the timings for the build summary.
public final class StageLog: @unchecked Sendable {
  public private(set) var timings: [(stage: String, seconds: Double)] = []
  let total: Int
  let quiet: Bool
  private var index = 0

  public init(stages: Int, quiet: Bool = false) {
    total = stages
    self.quiet = quiet
  }

  /// Runs one stage; `body` returns the counts to print after the stage name.
  @discardableResult
  public func run<T>(_ name: String, _ body: () throws -> (T, String)) throws -> T {
    index += 1
    let start = DispatchTime.now().uptimeNanoseconds
    let (value, counts) = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    timings.append((name, seconds))
    if !quiet {
      let label = name.padding(toLength: 9, withPad: " ", startingAt: 0)
      let countText = counts.isEmpty ? "" : counts + "  "
      Console.out("[\(index)/\(total)] \(label) \(countText)\(String(format: "%.2f s", seconds))")
    }
    return value
  }

  /// Prints a line that is not a stage (an "up to date" notice, warnings).
  public func note(_ text: String) {
    if !quiet { Console.out(text) }
  }
}
