import Testing

@testable import FolioKit

/// The comparison method the report's verdicts rest on, against reference values
/// from `scipy.stats.ttest_ind(b, a, equal_var=False).confidence_interval(0.95)`.
@Suite("Report comparisons (Welch) against a reference")
struct ReportComparisonTests {
  @Test("a barely significant difference: interval just above zero → improved/worsened by direction")
  func barelySignificant() throws {
    let w = try #require(WelchInterval(a: [1, 2, 3, 4, 5], b: [2, 4, 6, 8, 10, 12]))
    #expect(abs(w.estimate - 4.0) < 1e-12)
    #expect(abs(w.lower - 0.016531304371169) < 1e-9)
    #expect(abs(w.upper - 7.983468695628831) < 1e-9)
    #expect(abs(w.degreesOfFreedom - 6.9722557297949335) < 1e-9)
    #expect(w.direction == 1)
  }

  @Test("the fixture's Alpha Agency breach rates: a large drop that is still no clear change")
  func fixtureBreachRates() throws {
    let pre: [Double] = [50, 50, 50, 0, 0, 0]
    let post: [Double] = [50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50]
    let w = try #require(WelchInterval(a: pre, b: post))
    #expect(abs(w.estimate - -16.666666666666664) < 1e-9)
    #expect(abs(w.lower - -45.7710116855374) < 1e-6)
    #expect(abs(w.upper - 12.437678352204074) < 1e-6)
    #expect(abs(w.degreesOfFreedom - 7.623134059277422) < 1e-9)
    #expect(w.direction == 0)
  }
}
