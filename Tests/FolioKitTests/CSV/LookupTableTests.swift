import Testing

@testable import FolioKit

@Suite struct CSVLookupTableTests {
  @Test func keyTableFindsEveryKeyAfterGrowing() {
    let table = KeyTable()
    for i in 0..<20_000 {
      #expect(table.insert(RowKey(a: Int64(i % 7), b: Int64(i), c: 3, d: Int64(-i)), line: i + 2) == nil)
    }
    #expect(table.count == 20_000)
    for i in stride(from: 0, to: 20_000, by: 97) {
      let key = RowKey(a: Int64(i % 7), b: Int64(i), c: 3, d: Int64(-i))
      #expect(table.id(of: key) == i)
      #expect(table.insert(key, line: 99) == i + 2)
    }
    #expect(table.id(of: RowKey(a: 0, b: 1, c: 3, d: -1)) == nil)
  }

  @Test func tokenCacheInternsEachDistinctValueOnceAndStopsAtItsLimit() {
    let cache = TokenCache(limit: 1000)
    var made = 0
    func look(_ text: String) -> Int? {
      Array(text.utf8).withUnsafeBufferPointer { b in
        cache.lookup(b) { bytes, number in
          made += 1
          return .init(value: .text(String(decoding: bytes, as: UTF8.self)), ordinal: Int64(number), problem: nil)
        }
      }
    }
    for round in 0..<2 {
      for i in 0..<1000 { #expect(look("value-\(i)-with-a-long-tail") == i, "round \(round)") }
    }
    #expect(made == 1000)
    #expect(look("") == nil)  // full: new values are not learned
    #expect(look("value-5-with-a-long-tail") == 5)
    #expect(cache.entry(7).pointee.value == .text("value-7-with-a-long-tail"))
  }

  @Test func usageIndexDenseAndSparse() {
    let dense = UsageIndex(keys: [
      RowKey(a: 1, b: 0, c: 0, d: 202401), RowKey(a: 1, b: 0, c: 0, d: 202403), RowKey(a: 2, b: 1, c: 0, d: 202312),
    ])
    #expect(dense.row(1, 0, 0, 202401) == 0)
    #expect(dense.row(1, 0, 0, 202403) == 1)
    #expect(dense.row(1, 0, 0, 202402) == nil)
    #expect(dense.row(2, 1, 0, 202312) == 2)
    #expect(dense.row(2, 1, 0, 202401) == nil)
    #expect(dense.row(3, 0, 0, 202401) == nil)
    #expect(dense.row(1, 0, 0, 209901) == nil)
    // Months centuries apart over many groups: too wide for a dense array, same answers.
    var keys = (0..<300).map { RowKey(a: Int64($0), b: 0, c: 0, d: 190001) }
    keys.append(RowKey(a: 5, b: 0, c: 0, d: 999912))
    let sparse = UsageIndex(keys: keys)
    #expect(sparse.row(5, 0, 0, 999912) == 300)
    #expect(sparse.row(299, 0, 0, 190001) == 299)
    #expect(sparse.row(299, 0, 0, 190002) == nil)
  }
}
