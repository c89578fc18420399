import Foundation

/// Where the CLI writes: stdout for results and stage lines, stderr for problems.
public enum Console {
  /// Writes one line to standard error.
  public static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Writes one line to standard output.
  public static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// True when standard error is a terminal (progress lines are shown only then).
  public static var isTerminal: Bool { isatty(2) == 1 }
}

extension Console {
  /// Rewrites the current terminal line (progress); call only when `isTerminal`.
  public static func progress(_ text: String) {
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
  }
}
