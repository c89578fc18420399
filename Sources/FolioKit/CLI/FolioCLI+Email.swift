extension FolioCLI {
  func email(_ args: [String]) throws {
    throw UsageError("folio email: not available in this build yet")
  }
}
