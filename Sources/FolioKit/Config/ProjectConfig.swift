import Foundation

/// The optional project file `folio.json`: report title, metric settings,
/// email and publishing options. Unknown keys are errors so typos never pass.
public struct ProjectConfig: Sendable, Equatable {
  public var title: String = "Folio report"
  public var metrics = MetricSettings()
  /// Absolute URL where the web editions are published (used by the email's text part).
  public var baseURL: String?
  public var emailFrom: String?
  public var emailTo: [String] = []
  public var emailSubject: String?

  public init() {}

  static let topLevelKeys = ["title", "metrics", "base_url", "email"]
  static let emailKeys = ["from", "to", "subject"]

  /// Reads `url`; a missing file gives the defaults only when `required` is false.
  public static func load(from url: URL, displayPath: String, required: Bool) throws -> ProjectConfig {
    guard FileManager.default.fileExists(atPath: url.path) else {
      if required { throw FolioError(.config, "config file not found", path: displayPath) }
      return ProjectConfig()
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw FolioError(.config, "cannot read config file: \(error.localizedDescription)", path: displayPath)
    }
    return try parse(data, displayPath: displayPath)
  }

  /// Parses the JSON text of a config file.
  public static func parse(_ data: Data, displayPath: String) throws -> ProjectConfig {
    let object: Any
    do { object = try JSONSerialization.jsonObject(with: data) } catch {
      throw FolioError(.config, "not valid JSON: \(error.localizedDescription)", path: displayPath)
    }
    guard let root = object as? [String: Any] else {
      throw FolioError(.config, "the config must be a JSON object", path: displayPath)
    }
    try checkKeys(root, allowed: topLevelKeys, section: "", path: displayPath)
    var config = ProjectConfig()
    if let title = root["title"] {
      config.title = try string(title, key: "title", path: displayPath)
    }
    if let url = root["base_url"] {
      config.baseURL = try string(url, key: "base_url", path: displayPath)
    }
    if let metrics = root["metrics"] {
      guard let dict = metrics as? [String: Any] else {
        throw FolioError(.config, "'metrics' must be an object of numbers", path: displayPath)
      }
      var overrides: [String: Double] = [:]
      for (key, value) in dict {
        guard let number = value as? NSNumber, !(value is Bool) else {
          throw FolioError(.config, "metrics.\(key) must be a number", path: displayPath)
        }
        overrides[key] = number.doubleValue
      }
      config.metrics = try MetricSettings.validated(overrides, path: displayPath)
    }
    if let email = root["email"] {
      guard let dict = email as? [String: Any] else {
        throw FolioError(.config, "'email' must be an object", path: displayPath)
      }
      try checkKeys(dict, allowed: emailKeys, section: "email.", path: displayPath)
      if let from = dict["from"] { config.emailFrom = try string(from, key: "email.from", path: displayPath) }
      if let subject = dict["subject"] {
        config.emailSubject = try string(subject, key: "email.subject", path: displayPath)
      }
      if let to = dict["to"] {
        guard let list = to as? [String] else {
          throw FolioError(.config, "email.to must be a list of addresses", path: displayPath)
        }
        config.emailTo = list
      }
    }
    return config
  }

  static func checkKeys(_ dict: [String: Any], allowed: [String], section: String, path: String) throws {
    for key in dict.keys.sorted() where !allowed.contains(key) {
      throw FolioError(
        .config, "unknown key '\(section)\(key)'; known: \(allowed.joined(separator: ", "))", path: path)
    }
  }

  static func string(_ value: Any, key: String, path: String) throws -> String {
    guard let text = value as? String else {
      throw FolioError(.config, "\(key) must be a string", path: path)
    }
    return text
  }
}
