import Foundation
import Testing

@testable import FolioKit

@Suite("Email SVG rasterizer")
struct EmailRasterizerTests {
  static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320" style="width:100%"><title>T</title><rect x="0" y="0" width="640" height="320" fill="#ffffff"/><line x1="0" y1="0" x2="640" y2="320" stroke="#1f5fa8"/></svg>
    """

  @Test func sizeComesFromTheViewBox() {
    #expect(SVGRasterizer.intrinsicSize(Self.svg)! == (640, 320))
    #expect(SVGRasterizer.intrinsicSize("<svg width=\"80\" height=\"20\"></svg>")! == (80, 20))
    #expect(SVGRasterizer.intrinsicSize("<svg></svg>") == nil)
  }

  @Test(
    .enabled(if: SVGRasterizer.findTool() != nil, "rsvg-convert (librsvg2-bin) is not installed"))
  func rasterizesAtTwiceTheDisplaySize() throws {
    let raster = try SVGRasterizer().rasterize(Self.svg, displayWidth: 600)
    #expect(raster.width == 600)
    #expect(raster.height == 300)
    #expect(raster.png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    // IHDR width and height (big-endian at bytes 16–23) are the 2× pixel size.
    let bytes = [UInt8](raster.png)
    let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let h = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(w == 1200 && h == 600)
    // A chart narrower than the display width is not upscaled.
    let small = try SVGRasterizer().rasterize(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 24\"><rect width=\"120\" height=\"24\"/></svg>"
    )
    #expect(small.width == 120 && small.height == 24)
  }

  @Test func missingToolIsAClearEmailError() {
    let rasterizer = SVGRasterizer(toolPath: "/nonexistent/rsvg-convert")
    do {
      _ = try rasterizer.rasterize(Self.svg)
      Issue.record("expected an error")
    } catch let error as FolioError {
      #expect(error.stage == .email)
      #expect(error.message.contains("could not start"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test(
    .enabled(if: SVGRasterizer.findTool() != nil, "rsvg-convert (librsvg2-bin) is not installed"))
  func brokenSVGIsAClearEmailError() {
    do {
      _ = try SVGRasterizer().rasterize("<svg viewBox=\"0 0 10 10\"><rect</svg>")
      Issue.record("expected an error")
    } catch let error as FolioError {
      #expect(error.stage == .email)
      #expect(error.message.hasPrefix("rsvg-convert failed"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
