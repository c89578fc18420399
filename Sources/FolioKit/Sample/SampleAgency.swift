/// One agency of the sample, with the stories planted in it.
struct SampleAgency: Sendable {
  /// How the agency's services changed when they reached `post_migration`:
  /// multipliers on p95 latency, error rate and monthly cost.
  struct Outcome: Sendable {
    var latency: Double
    var errors: Double
    var cost: Double

    static let improves = Outcome(latency: 0.78, errors: 0.6, cost: 1.05)
    static let noChange = Outcome(latency: 1.0, errors: 1.0, cost: 1.0)
    static let worsens = Outcome(latency: 1.28, errors: 1.5, cost: 1.15)
  }

  var id: Int
  var name: String
  var sector: String
  /// First month (month number) whose status is `migrating`; nil = never migrated.
  var migrationStart: Int?
  /// How many months the migration runs (1–3) before `post_migration`.
  var migrationMonths: Int
  var outcome: Outcome
  /// Typical utilisation in percent before migration; under 20 plants cloud waste.
  var utilisation: Double
  /// Typical utilisation after migration (right-sizing, or an under-sized new platform).
  var utilisationAfter: Double
  /// Share of resources tagged before and after migration.
  var taggingBefore: Double
  var taggingAfter: Double

  /// `pre_migration`, `migrating` or `post_migration` in a month.
  func status(month: Int) -> MigrationStatus {
    guard let start = migrationStart, month >= start else { return .pre }
    return month < start + migrationMonths ? .migrating : .post
  }
}

/// The three values of `migration_status`.
enum MigrationStatus: String, Sendable {
  case pre = "pre_migration"
  case migrating = "migrating"
  case post = "post_migration"
}
