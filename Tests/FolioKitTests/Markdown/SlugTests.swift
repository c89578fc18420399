import Testing

@testable import FolioKit

@Suite struct SlugTests {
  static let cases: [(String, String)] = [
    ("Executive Overview", "executive-overview"),
    ("  SLA & Engineering Details ", "sla-and-engineering-details"),
    ("Peak vs. Non-Peak Load", "peak-vs-non-peak-load"),
    ("Cost / Waste -- 2024", "cost-waste-2024"),
    ("Agency's budget", "agencys-budget"),
    ("Agency’s budget", "agencys-budget"),
    ("Ministère de l'Économie", "ministere-de-leconomie"),
    ("Straße Øresund Æther Łódź", "strasse-oresund-aether-lodz"),
    ("Crème brûlée à la carte", "creme-brulee-a-la-carte"),
    ("ÅNGSTRÖM", "angstrom"),
    ("already-a-slug", "already-a-slug"),
    ("__Under_scores__", "under-scores"),
    ("v2.5 (beta)", "v2-5-beta"),
    ("R&D", "r-and-d"),
    ("日本語", "page"),
    ("", "page"),
    ("!!!", "page"),
    ("A日本B", "a-b"),
  ]

  @Test(arguments: cases) func slugs(input: String, expected: String) {
    #expect(slug(input) == expected)
  }

  @Test func fallbackIsConfigurable() {
    #expect(slug("---", fallback: "section") == "section")
  }

  @Test func longTextIsCutAtADash() {
    let long = String(repeating: "word ", count: 40)
    let result = slug(long)
    #expect(result.count <= 80)
    #expect(result.hasPrefix("word-word") && result.hasSuffix("word"))
    #expect(slug(String(repeating: "x", count: 100)) == String(repeating: "x", count: 80))
  }

  @Test func outputIsAlwaysSafe() {
    for input in ["a\u{0}b", "tab\there", "new\nline", "<script>", "../../etc", "%20", "é\u{301}"] {
      let result = slug(input)
      #expect(!result.isEmpty)
      #expect(result.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
      #expect(!result.hasPrefix("-") && !result.hasSuffix("-") && !result.contains("--"))
    }
  }
}
