#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Number and date parsers that read a field's bytes directly, without making a `String`.
enum ByteParse {
  private static let zero = UInt8(ascii: "0")

  @inline(__always) private static func digit(_ b: UInt8) -> UInt8? {
    let d = b &- zero
    return d < 10 ? d : nil
  }

  /// A decimal integer: optional sign, then digits only; nil on anything else or overflow.
  static func int(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    let n = b.count
    var i = 0
    var negative = false
    if n > 0 && (b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")) {
      negative = b[0] == UInt8(ascii: "-")
      i = 1
    }
    guard i < n else { return nil }
    var value: Int64 = 0
    while i < n {
      guard let d = digit(b[i]) else { return nil }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
      if o1 || o2 { return nil }
      value = s
      i += 1
    }
    return value
  }

  private static let powersOfTen: [Double] = (0...22).map { e in
    var p = 1.0
    for _ in 0..<e { p *= 10 }
    return p
  }

  /// A finite decimal number (`-12`, `3.25`, `.5`, `1e-3`); the same value `Double(String)` gives.
  ///
  /// Short inputs take Clinger's exact fast path (mantissa ≤ 2^53, power of ten ≤ 22: one
  /// correctly rounded IEEE operation); everything else goes to the C library's `strtod`, which is
  /// correctly rounded too. `inf`, `nan` and hexadecimal forms are rejected.
  static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = b.count
    var i = 0
    var negative = false
    if n > 0 && (b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")) {
      negative = b[0] == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    var sawDigit = false
    var exact = true
    while i < n, let d = digit(b[i]) {
      sawDigit = true
      if mantissa == 0 && d == 0 {
      } else if significant < 19 {
        mantissa = mantissa * 10 + UInt64(d)
        significant += 1
      } else {
        exponent += 1
        exact = false
      }
      i += 1
    }
    if i < n && b[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, let d = digit(b[i]) {
        sawDigit = true
        if mantissa == 0 && d == 0 {
          exponent -= 1
        } else if significant < 19 {
          mantissa = mantissa * 10 + UInt64(d)
          significant += 1
          exponent -= 1
        } else {
          exact = false
        }
        i += 1
      }
    }
    guard sawDigit else { return nil }
    if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
      i += 1
      var expNegative = false
      if i < n && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
        expNegative = b[i] == UInt8(ascii: "-")
        i += 1
      }
      var e = 0
      var expDigits = 0
      while i < n, let d = digit(b[i]) {
        if e < 1_000_000 { e = e * 10 + Int(d) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -e : e
    }
    guard i == n else { return nil }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    if exact && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
      var value = Double(mantissa)
      if exponent < 0 { value /= powersOfTen[-exponent] } else { value *= powersOfTen[exponent] }
      return negative ? -value : value
    }
    let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { c -> Double in
      for k in 0..<n { c[k] = CChar(bitPattern: b[k]) }
      c[n] = 0
      return strtod(c.baseAddress!, nil)
    }
    return value.isFinite ? value : nil
  }

  /// `YYYY-MM-DD` naming a real calendar day → `yyyymmdd` as one number; nil otherwise.
  static func date(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
      year >= 1, month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    return Int64(year * 10000 + month * 100 + day)
  }

  /// `YYYY-MM` → `yyyymm` as one number; nil otherwise.
  static func month(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard b.count == 7, b[4] == UInt8(ascii: "-"), let year = number(b, 0, 4),
      let month = number(b, 5, 2), year >= 1, month >= 1, month <= 12
    else { return nil }
    return Int64(year * 100 + month)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func number(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
    var value = 0
    for k in from..<(from + count) {
      guard let d = digit(b[k]) else { return nil }
      value = value * 10 + Int(d)
    }
    return value
  }
}
