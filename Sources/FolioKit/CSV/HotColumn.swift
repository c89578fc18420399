/// What the row loop reads per column: plain values, and the plan without retaining it.
struct HotColumn {
  let fileIndex: Int
  let kind: ColumnPlan.Kind
  let required: Bool
  let low: Double
  let lowInclusive: Bool
  let high: Double
  let highInclusive: Bool
  /// Owned by `FileLoader.plans`, which lives as long as the loader.
  unowned(unsafe) let plan: ColumnPlan

  init(_ plan: ColumnPlan) {
    fileIndex = plan.fileIndex
    kind = plan.kind
    required = plan.column.required
    low = plan.column.min ?? -.infinity
    lowInclusive = plan.column.minInclusive
    high = plan.column.max ?? .infinity
    highInclusive = plan.column.maxInclusive
    self.plan = plan
  }

  @inline(__always) func accepts(_ v: Double) -> Bool {
    (lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high)
  }
}
