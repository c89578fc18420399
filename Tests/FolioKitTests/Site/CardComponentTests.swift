import Testing

@testable import FolioKit

@Suite("Card change text")
struct CardComponentTests {
  @Test(arguments: [
    ("usd", -558.04, "-$558", -558.0),
    ("usd", 1234.5, "+$1,235", 1235.0),
    ("usd", -0.3, "±$0", 0.0),
    ("ms", 13.0, "+13 ms", 13.0),
    ("ms", -57.3, "-57 ms", -57.0),
    ("int", 4.0, "+4", 4.0),
    ("pct:1", -1.24, "-1.2 pp", -1.2),
    ("num:1", 0.04, "±0.0", 0.0),
    ("num:2", 2.345, "+2.35", 2.35),
  ])
  func changeInTheValuesOwnUnit(spec: String, change: Double, text: String, rounded: Double) throws {
    let format = try #require(ValueFormat(spec: spec))
    let (shown, direction) = CardComponent.changeText(change, format: format)
    #expect(shown == text)
    #expect(direction == rounded)
  }

  @Test func aDropInCostIsGoodWhenDownIsGood() {
    let html = CardComponent.delta(
      900, 1458, format: ValueFormat(.usd), downIsGood: true, label: "vs last month", className: "card-delta")
    #expect(html == "<div class=\"card-delta good\"><span aria-hidden=\"true\">▼</span> -$558 vs last month</div>")
  }
}
