import Foundation

/// Everything `folio build` and `folio check` are asked to do.
public struct BuildOptions: Sendable {
  public var layout: ProjectLayout
  /// `YYYY-MM`; nil means the latest month in the data.
  public var month: String?
  /// Build every month present in the data.
  public var allMonths = false
  public var badRows: BadRowPolicy = .fail
  /// Warnings become errors.
  public var strict = false
  /// Validate only; write nothing.
  public var checkOnly = false
  /// Rebuild even when no input changed.
  public var force = false
  public var quiet = false

  public init(layout: ProjectLayout) { self.layout = layout }

  /// Checks the shape of `--month`.
  static func validMonth(_ text: String) -> Bool {
    let b = Array(text.utf8)
    guard b.count == 7, b[4] == UInt8(ascii: "-") else { return false }
    let digits = b[0..<4] + b[5..<7]
    guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), let m = Int(text.suffix(2)) else { return false }
    return (1...12).contains(m)
  }
}
