import Foundation

/// A URL- and file-safe name for `text`: lower-case ASCII letters, digits and single dashes.
///
/// Accented letters lose their accents (`é` → `e`, `ß` → `ss`), `&` reads as
/// "and", apostrophes vanish (`agency's` → `agencys`), every other run of
/// characters becomes one dash, and the result is trimmed and kept under 80
/// characters (cut at a dash). Letters with no ASCII form are dropped; if
/// nothing is left the result is `fallback`, so it is never empty.
public func slug(_ text: String, fallback: String = "page") -> String {
  var out: [UInt8] = []
  out.reserveCapacity(text.utf8.count)
  var pendingDash = false

  func emit(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
      pendingDash = false
      out.append(byte)
    }
  }

  for scalar in text.unicodeScalars {
    let value = scalar.value
    if value < 0x80 {
      let byte = UInt8(value)
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        emit(CollectionOfOne(byte))
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        emit(CollectionOfOne(byte + 32))
      case UInt8(ascii: "'"):
        continue
      case UInt8(ascii: "&"):
        pendingDash = true
        emit("and".utf8)
        pendingDash = true
      default:
        pendingDash = true
      }
    } else if value == 0x2019 || value == 0x2018 {
      continue  // typographic apostrophes, like the ASCII one
    } else if let spelled = transliterations[scalar] {
      emit(spelled.utf8)
    } else {
      // Canonical decomposition splits "é" into "e" + a combining accent; keep the ASCII part.
      let ascii = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        .filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
      if ascii.isEmpty {
        pendingDash = true
      } else {
        emit(ascii.map { UInt8($0.value) }.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
      }
    }
  }

  let limit = 80
  if out.count > limit {
    out = Array(out[..<limit])
    if let dash = out.lastIndex(of: UInt8(ascii: "-")), dash > 0 { out = Array(out[..<dash]) }
  }
  return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
}

/// Letters that do not decompose into ASCII but have a customary spelling.
private let transliterations: [Unicode.Scalar: String] = [
  "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
  "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
  "ı": "i", "ĸ": "k", "ŋ": "ng", "Ŋ": "ng",
]
