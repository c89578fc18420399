/// Colours, fonts and text metrics shared by every chart.
///
/// The presentation attributes written on elements make a chart render correctly on its
/// own (rsvg-convert, email); the classes let `assets/charts.css` restyle it on the web
/// (theme, print, dark mode), since CSS overrides presentation attributes.
enum ChartStyle {
  static let font = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
  static let textColor = "#1f2328"
  static let mutedText = "#57606a"
  static let gridColor = "#e1e4e8"
  static let axisColor = "#8c959f"
  static let bandColor = "#f1ede4"
  static let targetColor = "#24292f"
  static let background = "#ffffff"

  /// Okabe-Ito hues, darkened where needed so each reaches 3:1 contrast on white
  /// (WCAG 1.4.11); dark mode swaps in the original brighter hues via CSS.
  static let palette = [
    "#0072B2",  // blue 5.2:1
    "#D55E00",  // vermillion 3.9:1
    "#009E73",  // bluish green 3.4:1
    "#CC79A7",  // reddish purple 3.1:1
    "#A86F00",  // orange, darkened 4.3:1
    "#3A8CC4",  // sky blue, darkened 3.7:1
    "#5B5B5B",  // grey 6.8:1
    "#1F1F1F",  // near black
  ]

  static func color(_ index: Int) -> String { palette[index % palette.count] }

  /// A sequential single-hue ramp (light to dark blue), 7 classes; light enough at the
  /// low end to read as "little", dark enough at the top for white text.
  static let sequential = [
    "#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594",
  ]

  /// Whether a sequential class is dark enough to need white text on it.
  static func isDark(sequentialIndex i: Int) -> Bool { i >= 4 }

  /// Approximate advance widths (em) of a sans-serif font, sized on DejaVu Sans (the widest
  /// common fallback, used by rsvg-convert) so labels fit wherever they render.
  static func textWidth(_ s: String, size: Double = 11) -> Double {
    var em = 0.0
    for ch in s.unicodeScalars {
      switch ch {
      case "i", "l", "j", "!", "|", ".", ",", ":", ";", "'", "I": em += 0.3
      case "f", "t", "r", " ", "(", ")", "[", "]", "-", "/": em += 0.4
      case "m", "w", "M", "W", "%", "@": em += 0.92
      case "0"..."9", "$", "+", "=", "<", ">", "~", "#": em += 0.64
      case "A"..."Z": em += 0.72
      case "a"..."z": em += 0.6
      default: em += ch.value > 0x2E7F ? 1.0 : 0.6
      }
    }
    return em * size
  }

  /// Shortens text with an ellipsis so it fits `maxWidth`.
  static func truncate(_ s: String, maxWidth: Double, size: Double = 11) -> String {
    guard textWidth(s, size: size) > maxWidth else { return s }
    var out = ""
    let budget = maxWidth - textWidth("…", size: size)
    for ch in s {
      if textWidth(out + String(ch), size: size) > budget { break }
      out.append(ch)
    }
    return out.trimmingCharacters(in: .whitespaces) + "…"
  }
}
