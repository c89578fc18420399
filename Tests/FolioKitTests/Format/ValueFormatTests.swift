import Testing

@testable import FolioKit

@Suite struct ValueFormatTests {
  @Test(arguments: [
    ("num:2", 1_234_567.891, "1,234,567.89"),
    ("int", -1234.5, "-1,235"),
    ("pct:1", 12.345, "12.3%"),
    ("ms", 245.4, "245 ms"),
    ("usd", -1500, "-$1,500"),
    ("si", 1_250_000, "1.3M"),
    ("si", 999, "999"),
    ("delta:1", 0.04, "±0.0"),
    ("delta:1", -2.25, "-2.3"),
    ("deltapp:1", 1.25, "+1.3 pp"),
    ("num:1", -0.04, "0.0"),
  ])
  func formatsNumbers(spec: String, value: Double, expected: String) {
    #expect(ValueFormat(spec: spec)?.string(value) == expected)
  }

  @Test func missingValuesReadAsDash() {
    #expect(ValueFormat(.pct).string(nil) == "–")
    #expect(ValueFormat(.pct).string(.nan) == "–")
  }

  @Test func datesAndUnknownSpecs() {
    #expect(ValueFormat(.month).string(text: "2026-03") == "Mar 2026")
    #expect(ValueFormat(.date).string(text: "2026-03-04") == "4 Mar 2026")
    #expect(ValueFormat(spec: "percent") == nil)
    #expect(ValueFormat(spec: "pct:x") == nil)
  }
}
