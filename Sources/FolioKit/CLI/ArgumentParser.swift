/// A small option parser: `--name value`, `--name=value`, flags, repeated options.
struct ParsedArguments {
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  func value(_ name: String) -> String? { values[name]?.last }
  func all(_ name: String) -> [String] { values[name] ?? [] }
  func has(_ name: String) -> Bool { flags.contains(name) }

  /// Parses `arguments` against the options a command accepts.
  init(_ arguments: [String], options: Set<String>, flags allowed: Set<String>, command: String) throws {
    var i = 0
    while i < arguments.count {
      let arg = arguments[i]
      guard arg.hasPrefix("--") else {
        throw UsageError("folio \(command): unexpected argument '\(arg)'")
      }
      var name = String(arg.dropFirst(2))
      var inline: String?
      if let eq = name.firstIndex(of: "=") {
        inline = String(name[name.index(after: eq)...])
        name = String(name[..<eq])
      }
      if allowed.contains(name) {
        guard inline == nil else { throw UsageError("folio \(command): --\(name) takes no value") }
        flags.insert(name)
      } else if options.contains(name) {
        let value: String
        if let inline {
          value = inline
        } else {
          i += 1
          guard i < arguments.count else { throw UsageError("folio \(command): --\(name) needs a value") }
          value = arguments[i]
        }
        values[name, default: []].append(value)
      } else {
        let known = (options.union(allowed)).sorted().map { "--" + $0 }.joined(separator: ", ")
        throw UsageError("folio \(command): unknown option '--\(name)'; known: \(known)")
      }
      i += 1
    }
  }
}

/// A wrong command line: exit code 2.
struct UsageError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
