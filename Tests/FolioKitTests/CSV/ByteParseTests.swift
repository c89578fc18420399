import Testing

@testable import FolioKit

@Suite struct CSVByteParseTests {
  func parse<T>(_ text: String, _ f: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
    Array(text.utf8).withUnsafeBufferPointer { f($0) }
  }

  @Test func doublesMatchSwiftParsing() {
    let inputs = [
      "0", "-0", "1.5", "0.1", "0.30000000000000004", "123456789012345678901234", "1e-300",
      "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308", ".5", "5.", "+3", "1E5",
      "9007199254740993", "0.000001", "1234.5678", "99.99", "3.141592653589793238462643",
      "000012.5000", "1e22", "1e23", "123456789e-22", "8.5e-5",
    ]
    for text in inputs {
      let ours = parse(text, ByteParse.double)
      #expect(ours?.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test func randomDoublesRoundTrip() {
    var seed: UInt64 = 12345
    for _ in 0..<20000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value: Double
      switch seed % 3 {
      case 0: value = Double(bitPattern: seed >> 2)  // anything, finite or not
      case 1: value = Double(seed >> 20) / 1000
      default: value = (Double(seed >> 11) / Double(1 << 53)) * 100_000
      }
      guard value.isFinite else { continue }
      for text in [value.description, String(format: "%.2f", value), String(format: "%.17g", value)] {
        #expect(parse(text, ByteParse.double)?.bitPattern == Double(text)?.bitPattern, "\(text)")
      }
    }
  }

  @Test func notNumbers() {
    for text in ["", "-", ".", "1e", "e5", "abc", "inf", "nan", "NaN", "0x10", " 1", "1 ", "1e400", "1..2", "1,5", "--1"] {
      #expect(parse(text, ByteParse.double) == nil, "\(text)")
    }
  }

  @Test func integers() {
    #expect(parse("12", ByteParse.int) == 12)
    #expect(parse("-5", ByteParse.int) == -5)
    #expect(parse("+7", ByteParse.int) == 7)
    #expect(parse("007", ByteParse.int) == 7)
    #expect(parse("9223372036854775807", ByteParse.int) == Int64.max)
    #expect(parse("-9223372036854775808", ByteParse.int) == Int64.min)
    for bad in ["9223372036854775808", "1.0", "", "-", "1e3", " 1", "1 ", "abc"] {
      #expect(parse(bad, ByteParse.int) == nil, "\(bad)")
    }
  }

  @Test func datesAndMonths() {
    #expect(parse("2024-02-29", ByteParse.date) == 20240229)
    #expect(parse("2000-02-29", ByteParse.date) == 20000229)
    #expect(parse("2024-12-31", ByteParse.date) == 20241231)
    for bad in ["2023-02-29", "1900-02-29", "2024-04-31", "2024-4-01", "2024-00-10", "2024-01-00", "24-01-01", "2024/01/01", "2024-01-01 "] {
      #expect(parse(bad, ByteParse.date) == nil, "\(bad)")
    }
    #expect(parse("2024-07", ByteParse.month) == 202407)
    for bad in ["2024-13", "2024-00", "2024-7", "2024-07-01", "202407"] {
      #expect(parse(bad, ByteParse.month) == nil, "\(bad)")
    }
  }
}
