import Foundation

/// A CSV file read back simply (RFC 4180 quotes only), for checking the generator's output.
struct SampleTable {
  var header: [String]
  var rows: [[String]]

  init(url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    var records: [[String]] = []
    var field = ""
    var record: [String] = []
    var quoted = false
    var iterator = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let ch = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if ch == "\"" {
          if let next = iterator.next() {
            if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
          } else { quoted = false }
        } else { field.unicodeScalars.append(ch) }
      } else if ch == "\"" {
        quoted = true
      } else if ch == "," {
        record.append(field)
        field = ""
      } else if ch == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(ch)
      }
    }
    header = records.first ?? []
    rows = Array(records.dropFirst())
  }

  func column(_ name: String) -> Int {
    header.firstIndex(of: name) ?? -1
  }

  /// Rows as dictionaries keyed by header name (for small files).
  var dictionaries: [[String: String]] {
    rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }
}
