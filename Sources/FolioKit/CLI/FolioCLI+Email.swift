import Foundation

extension FolioCLI {
  func email(_ args: [String]) throws {
    let parsed = try ParsedArguments(
      args, options: ["project", "data", "out-dir", "month", "config", "out", "to", "from", "subject"],
      flags: ["quiet"], command: "email")
    guard let out = parsed.value("out") else {
      throw UsageError("folio email: --out FILE.eml is required")
    }
    if let month = parsed.value("month"), !BuildOptions.validMonth(month) {
      throw UsageError("folio email: --month wants YYYY-MM, not '\(month)'")
    }
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let root = parsed.value("project").map { URL(fileURLWithPath: $0, relativeTo: cwd) } ?? cwd
    var command = EmailCommand(
      layout: ProjectLayout(
        root: root, data: parsed.value("data").map { URL(fileURLWithPath: $0, relativeTo: cwd) },
        output: parsed.value("out-dir").map { URL(fileURLWithPath: $0, relativeTo: cwd) },
        config: parsed.value("config").map { URL(fileURLWithPath: $0, relativeTo: cwd) }),
      out: URL(fileURLWithPath: out, relativeTo: cwd))
    command.month = parsed.value("month")
    command.to = parsed.all("to")
    command.from = parsed.value("from")
    command.subject = parsed.value("subject")
    command.quiet = parsed.has("quiet")
    try command.run()
  }
}
