/// A small seeded random stream (SplitMix64) for the sample generator.
///
/// Only integer arithmetic and IEEE `+ − × ÷` are used to turn bits into values,
/// never `exp`/`log`/`sin` from the platform's libm, so one seed gives the same
/// bytes on every platform, not just on this machine.
struct SampleRandom: Sendable {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// A stream for one purpose of one thing (a deployment's days, its months ...),
  /// so that adding things to the sample never shifts the numbers of the others.
  init(seed: UInt64, key: UInt64, salt: UInt64) {
    var mixer = SampleRandom(seed: seed ^ (key &* 0x9E37_79B9_7F4A_7C15) ^ (salt &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1) with 53 random bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// Uniform in [low, high).
  mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * unit()
  }

  /// Uniform integer in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound + 1)
    return range.lowerBound + Int(next() % width)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool {
    unit() < p
  }

  /// About standard normal (Irwin–Hall sum of four uniforms, rescaled); bounded
  /// at ±3.46, which keeps generated values inside their domains.
  mutating func normal() -> Double {
    let sum = unit() + unit() + unit() + unit()
    return (sum - 2.0) * 1.732_050_807_568_877_2
  }

  /// A multiplicative noise factor around 1 with relative spread `sigma`, never below `floor`.
  mutating func jitter(_ sigma: Double, floor: Double = 0.05) -> Double {
    max(floor, 1.0 + sigma * normal())
  }
}
