import Testing

@testable import FolioKit

@Suite struct WelchIntervalTests {
  // Reference quantiles: scipy.stats.t.ppf(0.975, df).
  @Test(arguments: [(1.0, 12.706204736), (5.0, 2.570581836), (10.0, 2.228138852), (30.0, 2.042272456),
                    (1000.0, 1.962339081), (7.5, 2.333039627)])
  func tQuantilesMatchTables(df: Double, expected: Double) {
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: df) - expected) < 1e-5)
  }

  @Test func welchIntervalByHand() throws {
    // a: mean 2, variance 2.5 (n 5); b: mean 5, variance 10 (n 5).
    let w = try #require(WelchInterval(a: [0, 1, 2, 3, 4], b: [0, 2, 6, 8, 9]))
    #expect(w.estimate == 5 - 2)
    // se² = 2.5/5 + 10/5... b's variance: mean 5, deviations 25+9+1+9+16 = 60 → 15.
    // se² = 0.5 + 3 = 3.5; df = 3.5² / (0.5²/4 + 3²/4) = 12.25 / 2.3125 = 5.297…
    let df = 12.25 / (0.25 / 4 + 9.0 / 4)
    #expect(abs(w.degreesOfFreedom - df) < 1e-12)
    let t = StudentT.quantile(0.975, degreesOfFreedom: df)
    #expect(abs(w.upper - (3 + t * 3.5.squareRoot())) < 1e-9)
    #expect(w.direction == 0)  // the interval spans zero
    #expect(w.countA == 5 && w.countB == 5)
  }

  @Test func clearDifferenceAndDegenerateInputs() throws {
    let w = try #require(WelchInterval(a: [10, 11, 10, 11, 10, 11], b: [1, 2, 1, 2, 1, 2]))
    #expect(w.direction == -1)
    #expect(WelchInterval(a: [1], b: [1, 2]) == nil)
    #expect(WelchInterval(a: [1, 1], b: [2, 2]) == nil)
  }
}
