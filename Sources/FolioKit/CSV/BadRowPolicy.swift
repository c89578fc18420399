/// What a build does with a row that breaks the data contract.
public enum BadRowPolicy: String, Sendable, CaseIterable {
  /// Stop the build and list every problem (the default).
  case fail
  /// Leave the row out, write it to the rejects with its reason, and go on.
  case quarantine
}
