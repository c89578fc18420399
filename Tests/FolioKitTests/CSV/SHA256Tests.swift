import Testing

@testable import FolioKit

@Suite struct CSVSHA256Tests {
  @Test func fipsVectors() {
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func millionAs() {
    var sha = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { sha.update(chunk) }
    #expect(sha.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func piecesGiveTheSameDigestAsOneUpdate() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let whole = SHA256.hex(message)
    for size in [1, 3, 63, 64, 65, 200] {
      var sha = SHA256()
      var i = 0
      while i < message.count {
        sha.update(message[i..<Swift.min(i + size, message.count)])
        i += size
      }
      #expect(sha.finalizeHex() == whole, "piece size \(size)")
    }
  }
}
