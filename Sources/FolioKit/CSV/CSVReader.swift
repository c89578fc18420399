/// A streaming CSV tokenizer over bytes: reads fixed-size chunks, hands out one record at a time.
///
/// Memory holds one chunk plus the longest record seen, never the file. A record is always
/// contiguous in the buffer (an incomplete record at a chunk's end is moved to the front and
/// re-scanned after the next read), so plain fields are slices of the buffer and only fields
/// with quotes or escapes are copied into a scratch area.
///
/// Reading rules (OpenCSV-compatible, see docs/data-contract.md):
/// - a field that starts with the quote byte is quoted: separators and line breaks inside it are
///   data, a doubled quote stands for one quote, the next lone quote closes it; bytes after the
///   closing quote up to the separator are kept as data;
/// - a quote that does not start a field is an ordinary byte;
/// - the escape byte (inside or outside quotes) is dropped and the byte after it is taken
///   literally, whatever it is (so `\"` is a quote, `\\` a backslash, `\,` a comma, `\n` an `n`);
///   an escape at the very end of the file is dropped;
/// - records end at LF; a CR right before that LF (outside quotes) is dropped;
/// - a leading UTF-8 BOM is skipped.
final class CSVReader {
  /// Why reading stopped early.
  enum Failure: Error, Equatable {
    /// The file ended inside a quoted field that started on this line.
    case unterminatedQuote(line: Int)
  }

  private let dialect: CSVDialect
  private let chunkSize: Int
  private let readChunk: (UnsafeMutableRawBufferPointer) throws -> Int

  private var buffer: UnsafeMutablePointer<UInt8>
  private var scratch: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var start = 0
  private var end = 0
  private var atEOF = false
  private var sawFirstBytes = false
  /// Bytes that end a plain run inside a quoted field / an unquoted field.
  private let quotedStop: UnsafeMutablePointer<Bool>
  private let plainStop: UnsafeMutablePointer<Bool>

  /// Fields of the current record (`fieldCount` of them); valid only inside the callback.
  private(set) var fieldBase: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
  private(set) var fieldCount = 0
  private var fieldCapacity = 64

  /// The current record's fields as an array (for the slow paths: header, errors, rejects).
  var fields: [UnsafeBufferPointer<UInt8>] { Array(UnsafeBufferPointer(start: fieldBase, count: fieldCount)) }
  /// The physical line (1-based) where the current record starts.
  private(set) var line = 1
  /// The current record's text without its line end (for error excerpts).
  private(set) var raw = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  /// Whether the current record holds any byte ≥ 0x80 (only then is UTF-8 validated).
  private(set) var hasHighBytes = false

  /// Creates a reader that pulls bytes with `read` (returns 0 at end of input).
  init(
    dialect: CSVDialect, chunkSize: Int = 1 << 20,
    read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int
  ) {
    self.dialect = dialect
    self.chunkSize = Swift.max(1, chunkSize)
    self.readChunk = read
    capacity = self.chunkSize * 2 + 16
    buffer = .allocate(capacity: capacity)
    scratch = .allocate(capacity: capacity)
    fieldBase = .allocate(capacity: fieldCapacity)
    quotedStop = .allocate(capacity: 256)
    plainStop = .allocate(capacity: 256)
    quotedStop.initialize(repeating: false, count: 256)
    plainStop.initialize(repeating: false, count: 256)
    quotedStop[Int(dialect.quote)] = true
    quotedStop[10] = true
    plainStop[Int(dialect.separator)] = true
    plainStop[10] = true
    if let escape = dialect.escape {
      quotedStop[Int(escape)] = true
      plainStop[Int(escape)] = true
    }
  }

  deinit {
    fieldBase.deallocate()
    buffer.deallocate()
    scratch.deallocate()
    quotedStop.deallocate()
    plainStop.deallocate()
  }

  /// Calls `body` for every record, completely empty lines skipped; `body` reads `fields`, `line`, `raw`.
  func forEachRecord(_ body: () throws -> Void) throws {
    while true {
      if start == end {
        if atEOF { return }
        try refill()
        continue
      }
      if !sawFirstBytes {
        if end - start < 3 && !atEOF {
          try refill()
          continue
        }
        sawFirstBytes = true
        if end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB
          && buffer[start + 2] == 0xBF
        {
          start += 3
          continue
        }
      }
      switch scanRecord(buffer + start, end - start, atEOF) {
      case .needMore:
        try refill()
      case .unterminated:
        throw Failure.unterminatedQuote(line: line)
      case .record(let length, let newlines):
        let isEmptyLine = raw.count == 0 && fieldCount == 1 && fieldBase[0].count == 0
        if !isEmptyLine { try body() }
        start += length
        line += newlines
      }
    }
  }

  /// Moves the unparsed tail to the front, grows the buffer when a record outgrows it, reads a chunk.
  private func refill() throws {
    let pending = end - start
    if start > 0 && pending > 0 { buffer.update(from: buffer + start, count: pending) }
    start = 0
    end = pending
    if capacity - end < chunkSize {
      let newCapacity = Swift.max(capacity * 2, end + chunkSize + 16)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      grown.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = grown
      scratch.deallocate()
      scratch = .allocate(capacity: newCapacity)
      capacity = newCapacity
    }
    let got = try readChunk(UnsafeMutableRawBufferPointer(start: buffer + end, count: chunkSize))
    if got <= 0 { atEOF = true } else { end += got }
  }

  private func growFields() {
    let grown = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: fieldCapacity * 2)
    grown.update(from: fieldBase, count: fieldCount)
    fieldBase.deallocate()
    fieldBase = grown
    fieldCapacity *= 2
  }

  private enum Scan {
    case record(length: Int, newlines: Int)
    case needMore
    case unterminated
  }

  /// Scans one record at `p` (n bytes available); fills `fields`, `raw` and `hasHighBytes`.
  private func scanRecord(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, _ eof: Bool) -> Scan {
    fieldCount = 0
    let quote = dialect.quote
    let escape = dialect.escape
    let hasEscape = escape != nil
    let esc = escape ?? 0
    let plainStop = self.plainStop
    let quotedStop = self.quotedStop
    let scratch = self.scratch
    var used = 0  // bytes of scratch used by this record
    var newlines = 0
    var high: UInt8 = 0
    var i = 0
    while true {
      // One field starts at i.
      var copied = false  // the field lives in scratch (it had quotes or escapes)
      let fieldStart = i
      let scratchStart = used
      if i < n && p[i] == quote {
        copied = true
        i += 1
        quoted: while true {
          let run = i
          while i < n && !quotedStop[Int(p[i])] {
            high |= p[i]
            i += 1
          }
          (scratch + used).update(from: p + run, count: i - run)
          used += i - run
          if i >= n { return eof ? .unterminated : .needMore }
          let c = p[i]
          if c == 10 {
            newlines += 1
            scratch[used] = c
            used += 1
            i += 1
          } else if hasEscape && c == esc {
            if i + 1 >= n { return eof ? .unterminated : .needMore }
            let next = p[i + 1]
            if next == 10 { newlines += 1 }
            high |= next
            scratch[used] = next
            used += 1
            i += 2
          } else if i + 1 < n && p[i + 1] == quote {
            scratch[used] = quote
            used += 1
            i += 2
          } else if i + 1 >= n && !eof {
            return .needMore  // the next byte decides: doubled quote or closing quote
          } else {
            i += 1
            break quoted
          }
        }
      }
      // The unquoted part (the whole field, or what follows a closing quote).
      var run = i
      while true {
        while i < n && !plainStop[Int(p[i])] {
          high |= p[i]
          i += 1
        }
        if i < n && hasEscape && p[i] == esc {
          if !copied {
            copied = true
            run = fieldStart
          }
          (scratch + used).update(from: p + run, count: i - run)
          used += i - run
          if i + 1 >= n {
            if !eof { return .needMore }
            i += 1  // a trailing escape at end of file is dropped
            run = i
            continue
          }
          let next = p[i + 1]
          if next == 10 { newlines += 1 }
          high |= next
          scratch[used] = next
          used += 1
          i += 2
          run = i
          continue
        }
        break
      }
      if i >= n && !eof { return .needMore }
      let atLineEnd = i >= n || p[i] == 10
      var stop = i
      if atLineEnd && stop > run && p[stop - 1] == 13 { stop -= 1 }
      if fieldCount == fieldCapacity { growFields() }
      if copied {
        (scratch + used).update(from: p + run, count: stop - run)
        used += stop - run
        fieldBase[fieldCount] = UnsafeBufferPointer(start: scratch + scratchStart, count: used - scratchStart)
      } else {
        fieldBase[fieldCount] = UnsafeBufferPointer(start: p + fieldStart, count: stop - fieldStart)
      }
      fieldCount += 1
      if atLineEnd {
        var rawEnd = i
        if rawEnd > 0 && p[rawEnd - 1] == 13 { rawEnd -= 1 }
        raw = UnsafeBufferPointer(start: p, count: rawEnd)
        hasHighBytes = high >= 0x80
        return .record(length: i < n ? i + 1 : n, newlines: newlines + 1)
      }
      i += 1  // past the separator
    }
  }
}
