import Foundation

/// Turns chart SVG into PNG with `rsvg-convert` (Debian `librsvg2-bin`), at 2× the
/// displayed size so charts stay sharp on high-density screens.
public struct SVGRasterizer: Sendable {
  /// A rasterised chart and the CSS pixel size to show it at.
  public struct Raster: Sendable, Equatable {
    public var png: Data
    public var width: Int
    public var height: Int
  }

  /// The tool's path; found on `PATH` when nil.
  public var toolPath: String?
  /// Pixel density of the PNG relative to the displayed size.
  public var scale: Int

  public init(toolPath: String? = nil, scale: Int = 2) {
    self.toolPath = toolPath
    self.scale = scale
  }

  /// `rsvg-convert` on `PATH`, or nil.
  public static func findTool(_ name: String = "rsvg-convert") -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = String(dir) + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The `viewBox` size (or `width`/`height` attributes) of the root `<svg>`.
  public static func intrinsicSize(_ svg: String) -> (width: Double, height: Double)? {
    guard let start = svg.range(of: "<svg") else { return nil }
    let tail = svg[start.upperBound...]
    let tagText = tail[..<(tail.firstIndex(of: ">") ?? tail.endIndex)]
    let (element, _, _) = HTMLTokenizer.startTag(Array(("<svg" + tagText + ">").utf8), at: 0)
    if let box = element.attribute("viewbox") {
      let parts = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
      if parts.count == 4, parts[2] > 0, parts[3] > 0 { return (parts[2], parts[3]) }
    }
    if let w = element.attribute("width").flatMap(Double.init),
      let h = element.attribute("height").flatMap(Double.init),
      w > 0, h > 0
    {
      return (w, h)
    }
    return nil
  }

  /// Rasterises one SVG to be shown `displayWidth` CSS pixels wide (never wider than
  /// its own size allows at `maxUpscale`), keeping its aspect ratio.
  public func rasterize(_ svg: String, displayWidth: Int = 600) throws -> Raster {
    guard let size = Self.intrinsicSize(svg) else {
      throw FolioError(.email, "a chart SVG has no viewBox or width/height; cannot size its image")
    }
    let width = min(displayWidth, Int(size.width.rounded()))
    let height = max(1, Int((Double(width) * size.height / size.width).rounded()))
    guard let tool = toolPath ?? Self.findTool() else {
      throw FolioError(
        .email,
        "rsvg-convert was not found on PATH; install it (Debian/Ubuntu: apt-get install librsvg2-bin, macOS: brew install librsvg) to draw the email's charts"
      )
    }
    let png = try run(
      tool, ["--format=png", "--width=\(width * scale)", "--height=\(height * scale)"],
      input: Data(svg.utf8))
    guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
      throw FolioError(.email, "rsvg-convert did not return a PNG image")
    }
    return Raster(png: png, width: width, height: height)
  }

  /// Runs the tool with stdin/stdout pipes; stdout and stderr are drained on their own
  /// threads so a large PNG cannot deadlock the pipe.
  private func run(_ tool: String, _ arguments: [String], input: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    do {
      try process.run()
    } catch {
      throw FolioError(.email, "could not start \(tool): \(error.localizedDescription)")
    }
    let output = Collected()
    let errors = Collected()
    let group = DispatchGroup()
    for (pipe, box) in [(stdout, output), (stderr, errors)] {
      group.enter()
      DispatchQueue.global().async {
        box.set(pipe.fileHandleForReading.readDataToEndOfFile())
        group.leave()
      }
    }
    // A tool that dies early closes its stdin: ignore SIGPIPE so that shows up as a
    // write error and an exit status, not as the death of folio itself.
    signal(SIGPIPE, SIG_IGN)
    try? stdin.fileHandleForWriting.write(contentsOf: input)
    try? stdin.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errors.get(), as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      throw FolioError(
        .email,
        "rsvg-convert failed (exit \(process.terminationStatus)) drawing a chart: \(message.isEmpty ? "no message" : message)"
      )
    }
    return output.get()
  }
}

/// A thread-safe slot for data read on another thread.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ d: Data) { lock.withLock { data = d } }
  func get() -> Data { lock.withLock { data } }
}
