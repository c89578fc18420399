import Foundation

/// A PNG carried in the `multipart/related` part and referenced from the HTML as `cid:`.
public struct InlineImage: Sendable, Equatable {
  /// The Content-ID without angle brackets, e.g. `chart-1@folio`.
  public var cid: String
  public var filename: String
  public var png: Data

  public init(cid: String, filename: String, png: Data) {
    self.cid = cid
    self.filename = filename
    self.png = png
  }
}
