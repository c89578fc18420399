/// Copies stylesheet declarations into each matching element's `style` attribute,
/// as mail clients that ignore or strip `<style>` need.
///
/// The cascade: normal declarations by (specificity, source order), then the
/// element's own `style` attribute, then `!important` ones. `<svg>` subtrees and
/// raw nodes are left untouched.
public struct CSSInliner: Sendable {
  public var stylesheet: CSSStylesheet
  /// Whether `class` attributes survive inlining (they are harmless, but cost bytes).
  public var keepClasses: Bool

  public init(css: String, keepClasses: Bool = false) {
    self.stylesheet = CSSStylesheet(css)
    self.keepClasses = keepClasses
  }

  /// Inlines styles into an HTML fragment or document.
  public func inline(_ html: String) -> String {
    HTMLTokenizer.serialize(inline(HTMLTokenizer.parse(html)))
  }

  /// Inlines styles into parsed nodes.
  public func inline(_ nodes: [HTMLNode]) -> [HTMLNode] {
    var ancestors: [HTMLElement] = []
    return nodes.map { inline($0, ancestors: &ancestors) }
  }

  private func inline(_ node: HTMLNode, ancestors: inout [HTMLElement]) -> HTMLNode {
    guard case .element(var element) = node else { return node }
    let style = computedStyle(element, ancestors: ancestors)
    ancestors.append(element)
    element.children = element.children.map { inline($0, ancestors: &ancestors) }
    ancestors.removeLast()
    if !style.isEmpty { element.setAttribute("style", style) }
    if !keepClasses { element.removeAttribute("class") }
    return .element(element)
  }

  /// The merged `style` value for an element (matching is done on the original classes).
  func computedStyle(_ element: HTMLElement, ancestors: [HTMLElement]) -> String {
    let matched = stylesheet.rules.filter { $0.selector.matches(element, ancestors: ancestors) }
      .sorted { a, b in
        let sa = a.selector.specificity
        let sb = b.selector.specificity
        return sa != sb ? sa.lexicographicallyPrecedes(sb) : a.order < b.order
      }
    var order: [String] = []
    var values: [String: String] = [:]
    func set(_ property: String, _ value: String) {
      if values[property] == nil { order.append(property) }
      values[property] = value
    }
    for rule in matched {
      for d in rule.declarations where !d.important { set(d.property, d.value) }
    }
    for d in CSSStylesheet.declarations(element.attribute("style") ?? "") {
      set(d.property, d.value)
    }
    for rule in matched {
      for d in rule.declarations where d.important { set(d.property, d.value) }
    }
    return order.map { $0 + ":" + (values[$0] ?? "") }.joined(separator: ";")
  }
}
