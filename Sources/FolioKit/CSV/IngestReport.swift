/// What ingest read: per-file counts and digests, warnings, and the quarantined rows.
public struct IngestReport: Sendable {
  /// One entry per input file, in load order.
  public var files: [FileReport]
  /// Non-fatal findings, e.g. `data/x.csv: ignoring unknown column 'foo'`.
  public var warnings: [String]
  /// Quarantined rows per file (only files that had some; always empty with policy `fail`).
  public var rejects: [RejectedRows]
  /// False when the data directory is missing or holds none of the inputs (a plain Markdown site).
  public var hasData: Bool

  /// Creates a report.
  public init(files: [FileReport], warnings: [String], rejects: [RejectedRows], hasData: Bool) {
    self.files = files
    self.warnings = warnings
    self.rejects = rejects
    self.hasData = hasData
  }

  /// Data rows read over all files.
  public var totalRows: Int { files.reduce(0) { $0 + $1.rowsAccepted + $1.rowsRejected } }
  /// Bytes read over all files.
  public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }
}

/// What ingest read from one input file.
public struct FileReport: Sendable, Equatable {
  /// The file name, e.g. `usage_monthly.csv`.
  public var fileName: String
  /// The raw table it loaded into.
  public var tableName: String
  /// Rows handed to the sink.
  public var rowsAccepted: Int
  /// Rows quarantined (policy `quarantine`); accepted + rejected = data rows read.
  public var rowsRejected: Int
  /// File size in bytes.
  public var bytes: Int
  /// SHA-256 of the file's bytes, lower-case hex.
  public var sha256: String
  /// The file's modification time when it was opened (seconds since 1970), so the build
  /// fingerprint can take `sha256` instead of reading the file a second time.
  public var modified: Double = 0
  /// Wall time spent reading, checking and inserting this file.
  public var parseSeconds: Double
}

/// The rows of one file that were quarantined, with the reason for each.
public struct RejectedRows: Sendable, Equatable {
  /// The input file name, e.g. `usage_monthly.csv`; write the rejects under the same name.
  public var fileName: String
  /// The file's header names as written (trimmed), then `reason`.
  public var header: [String]
  /// Per rejected row: its fields as read (unescaped), padded with empty fields to the header's
  /// width, then the reason; a row with too many fields keeps its extra fields after the reason.
  public var rows: [[String]]
  /// The physical line each rejected row started on.
  public var lines: [Int]

  /// The rejects as CSV: `,` separated, LF line ends, a field quoted when it holds `,` `"` `\`
  /// CR or LF, with `"` doubled and `\` written as `\\` so Folio's reader reads it back unchanged.
  public func csvText() -> String {
    var out = ""
    func write(_ row: [String]) {
      out += row.map(Self.quoted).joined(separator: ",")
      out += "\n"
    }
    write(header)
    rows.forEach(write)
    return out
  }

  static func quoted(_ field: String) -> String {
    guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 92 || $0 == 10 || $0 == 13 })
    else { return field }
    var text = "\""
    for ch in field.unicodeScalars {
      switch ch {
      case "\"": text += "\"\""
      case "\\": text += "\\\\"
      default: text.unicodeScalars.append(ch)
      }
    }
    return text + "\""
  }
}
