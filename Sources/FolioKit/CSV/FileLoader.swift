/// Reads one input file: maps its header to the schema, types and checks every row, hands
/// valid rows to the sink, and collects problems (policy `fail`) or rejects (`quarantine`).
final class FileLoader {
  let schema: FileSchema
  let path: String
  let policy: BadRowPolicy
  let errorLimit: Int
  let state: IngestState

  private(set) var accepted = 0
  private(set) var errors: [FolioError] = []
  private(set) var omitted = 0
  private(set) var rejects: RejectedRows?

  private var plans: [ColumnPlan] = []
  /// The per-column facts the row loop needs, without reference counting.
  private var hot: [HotColumn] = []
  /// `column` ≤ `other` (atMost) or `column` ≥ `other`, compared by ordinal (ints, dates).
  private var orderRules: [(column: Int, other: Int, atMost: Bool)] = []
  private var headerWidth = 0
  private var values: [CellValue]
  private let ordinals: UnsafeMutablePointer<Int64>
  private let keyColumns: [Int]
  private let keys = KeyTable()
  /// Usage keys, when this is the performance file.
  private let usageIndex: UsageIndex?
  /// Keys of accepted usage rows in order (row number = position).
  private var usageKeyList: [RowKey] = []
  /// Per usage row, the days of its month already seen in performance_daily.csv.
  private let dayMasks: UnsafeMutablePointer<UInt32>
  private var problems: [(column: Int, message: String)] = []
  private let isUsage: Bool
  private let isAgencies: Bool
  private var ownKeyMap: [CellValue: Int32] = [:]

  init(schema: FileSchema, path: String, policy: BadRowPolicy, errorLimit: Int, state: IngestState) {
    self.schema = schema
    self.path = path
    self.policy = policy
    self.errorLimit = errorLimit
    self.state = state
    values = [CellValue](repeating: .null, count: schema.columns.count)
    ordinals = .allocate(capacity: schema.columns.count)
    ordinals.initialize(repeating: 0, count: schema.columns.count)
    keyColumns = schema.key.compactMap { schema.index(of: $0) }
    isUsage = schema.fileName == InputSchemas.usageMonthly.fileName
    isAgencies = schema.fileName == InputSchemas.agencies.fileName
    usageIndex = schema.fileName == InputSchemas.performanceDaily.fileName ? state.usageIndex : nil
    let usageRows = usageIndex?.count ?? 0
    dayMasks = .allocate(capacity: Swift.max(1, usageRows))
    dayMasks.initialize(repeating: 0, count: Swift.max(1, usageRows))
  }

  deinit {
    dayMasks.deallocate()
    ordinals.deallocate()
  }

  /// Reads every record; throws at once on a structural problem.
  func load(_ reader: CSVReader, into sink: TableSink) throws {
    var sawHeader = false
    do {
      try reader.forEachRecord {
        if reader.hasHighBytes { try checkUTF8(reader) }
        if sawHeader {
          try row(reader, sink)
        } else {
          try header(reader)
          sawHeader = true
          try sink.beginTable(schema)
        }
      }
    } catch CSVReader.Failure.unterminatedQuote(let line) {
      throw FolioError(
        .ingest, "unterminated quoted field: the file ends inside the quote that starts on this line",
        path: path, line: line)
    }
    guard sawHeader else {
      throw FolioError(.ingest, "file is empty (it needs at least a header row)", path: path)
    }
    try sink.endTable()
    if isUsage { state.usageIndex = UsageIndex(keys: usageKeyList) }
    if keyColumns.count == 1 { state.keyMaps[schema.fileName] = ownKeyMap }
  }

  private func checkUTF8(_ reader: CSVReader) throws {
    if String(validating: reader.raw, as: UTF8.self) == nil {
      throw FolioError(.ingest, "not valid UTF-8 text", path: path, line: reader.line)
    }
  }

  // MARK: header

  private func header(_ reader: CSVReader) throws {
    let names = reader.fields.map { String(decoding: $0, as: UTF8.self).trimmingHeaderWhitespace() }
    headerWidth = names.count
    var positions: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      let folded = name.lowercased()
      if let first = positions[folded] {
        throw FolioError(
          .ingest, "duplicate column '\(name)' (also column \(first + 1))", path: path, line: reader.line,
          column: index + 1)
      }
      positions[folded] = index
      if schema.index(of: folded) == nil {
        state.warnings.append("\(path): ignoring unknown column '\(name)'")
      }
    }
    let missing = schema.columns.filter { $0.required && positions[$0.name] == nil }.map(\.name)
    if !missing.isEmpty {
      let list = missing.map { "'\($0)'" }.joined(separator: ", ")
      throw FolioError(
        .ingest, "missing required column\(missing.count > 1 ? "s" : "") \(list)", path: path,
        line: reader.line)
    }
    plans = schema.columns.map { column in
      ColumnPlan(
        column: column, fileIndex: positions[column.name] ?? -1,
        isKey: schema.key.contains(column.name),
        referenced: column.references.flatMap { state.keyMaps[$0] },
        atMost: column.atMost.flatMap { schema.index(of: $0) },
        atLeast: column.atLeast.flatMap { schema.index(of: $0) })
    }
    hot = plans.map(HotColumn.init)
    for (k, plan) in plans.enumerated() {
      if let other = plan.atMost { orderRules.append((k, other, true)) }
      if let other = plan.atLeast { orderRules.append((k, other, false)) }
    }
    if policy == .quarantine {
      rejects = RejectedRows(fileName: schema.fileName, header: names + ["reason"], rows: [], lines: [])
    }
  }

  // MARK: rows

  private func row(_ reader: CSVReader, _ sink: TableSink) throws {
    // Hot path: work on locals (one property access each per row, not per column).
    if !problems.isEmpty { problems.removeAll(keepingCapacity: true) }
    let fields = reader.fieldBase
    let fieldCount = reader.fieldCount
    let ordinals = self.ordinals
    var values = self.values
    self.values = []  // keeps `values` uniquely referenced, so writes below do not copy
    defer { self.values = values }
    var clean = true
    if fieldCount != headerWidth {
      clean = false
      problems.append(
        (Swift.min(fieldCount, headerWidth) + 1,
         "expected \(headerWidth) fields as in the header, found \(fieldCount)"))
    } else {
      let hot = self.hot
      for k in 0..<hot.count {
        let column = hot[k]
        let position = column.fileIndex
        if position < 0 {
          values[k] = .null
          continue
        }
        let field = fields[position]
        if field.count == 0 {
          values[k] = .null
          if column.required {
            clean = false
            problems.append((position + 1, "\(column.plan.column.name): a value is required"))
          }
          continue
        }
        // The common cases inline; anything bad goes to the general path for its message.
        switch column.kind {
        case .int:
          if let v = ByteParse.int(field), column.accepts(Double(v)) {
            values[k] = .int(v)
            ordinals[k] = v
            continue
          }
        case .double:
          if let v = ByteParse.double(field), column.accepts(v) {
            values[k] = .double(v)
            continue
          }
        case .cached:
          break
        }
        switch column.kind == .cached ? column.plan.readCached(field) : column.plan.read(field) {
        case .ok(let value, let ordinal):
          values[k] = value
          ordinals[k] = ordinal
        case .bad(let message):
          clean = false
          values[k] = .null
          problems.append((position + 1, "\(column.plan.column.name): \(message)"))
        }
      }
      if clean { clean = checkRow(reader, values) }
    }
    if clean {
      // With policy fail a file with errors is never used, so stop feeding the sink.
      if policy == .fail && !errors.isEmpty { return }
      try sink.insertRow(values)
      accepted += 1
      if keyColumns.count == 1 || isAgencies { remember(values) }
      return
    }
    record(reader)
  }

  /// Rules across columns and rows; run only when every value of the row is fine on its own.
  private func checkRow(_ reader: CSVReader, _ values: [CellValue]) -> Bool {
    let ordinals = self.ordinals
    var clean = true
    for rule in orderRules {
      if case .null = values[rule.column] { continue }
      if case .null = values[rule.other] { continue }
      let (a, b) = (ordinals[rule.column], ordinals[rule.other])
      guard rule.atMost ? a > b : a < b else { continue }
      clean = false
      let plan = plans[rule.column]
      let relation = rule.atMost ? "must be ≤" : "must not be before"
      problems.append(
        (plan.fileIndex + 1,
         "\(plan.column.name): \(plan.quotedValue(reader)) \(relation) \(schema.columns[rule.other].name) (\(plans[rule.other].quotedValue(reader)))"))
    }
    guard clean else { return false }
    if let usageIndex {
      // Every performance row belongs to one usage row (agency, service, region, month), so
      // its key is unique when its day is unique within that usage row: one bit per day.
      guard let usageRow = usageIndex.row(ordinals[1], ordinals[2], ordinals[3], ordinals[0] / 100) else {
        let month = String(decoding: reader.fieldBase[plans[0].fileIndex].prefix(7), as: UTF8.self)
        problems.append(
          (plans[0].fileIndex + 1,
           "no usage_monthly.csv row for agency_id \(ordinals[1]), service_type \(plans[2].quotedValue(reader)), aws_region \(plans[3].quotedValue(reader)), month '\(month)'"))
        return false
      }
      let bit = UInt32(1) << UInt32(ordinals[0] % 100)
      if dayMasks[usageRow] & bit != 0 {
        let shown = keyColumns.map { plans[$0].quotedValue(reader) }.joined(separator: ", ")
        problems.append(
          (plans[keyColumns[0]].fileIndex + 1,
           "duplicate key (\(schema.key.joined(separator: ", "))) = (\(shown)); an earlier row has the same key"))
        return false
      }
      dayMasks[usageRow] |= bit
      return true
    }
    let keyColumns = self.keyColumns
    if !keyColumns.isEmpty {
      var parts: (Int64, Int64, Int64, Int64) = (0, 0, 0, 0)
      switch keyColumns.count {
      case 4: parts = (ordinals[keyColumns[0]], ordinals[keyColumns[1]], ordinals[keyColumns[2]], ordinals[keyColumns[3]])
      case 3: parts = (ordinals[keyColumns[0]], ordinals[keyColumns[1]], ordinals[keyColumns[2]], 0)
      case 2: parts = (ordinals[keyColumns[0]], ordinals[keyColumns[1]], 0, 0)
      default: parts = (ordinals[keyColumns[0]], 0, 0, 0)
      }
      let key = RowKey(a: parts.0, b: parts.1, c: parts.2, d: parts.3)
      if let first = keys.insert(key, line: reader.line) {
        let names = schema.key.joined(separator: ", ")
        let shown = keyColumns.map { plans[$0].quotedValue(reader) }.joined(separator: ", ")
        problems.append(
          (plans[keyColumns[0]].fileIndex + 1,
           "duplicate key (\(names)) = (\(shown)); first on line \(first)"))
        return false
      }
    }
    if isUsage {
      usageKeyList.append(RowKey(a: ordinals[0], b: ordinals[4], c: ordinals[10], d: ordinals[3]))
      checkCountry(reader, values)
    }
    return true
  }

  /// agencies.csv wins over usage_monthly.csv on country; warn once per agency.
  private func checkCountry(_ reader: CSVReader, _ values: [CellValue]) {
    let agency = ordinals[0]
    guard !state.countryWarned.contains(agency), let known = state.agencyCountries[agency],
      case .text(let country) = values[1], case .text(let code) = values[2],
      country != known.country || code != known.code
    else { return }
    state.countryWarned.insert(agency)
    state.warnings.append(
      "\(path):\(reader.line): agency_id \(agency) has country '\(country)' ('\(code)') but agencies.csv says '\(known.country)' ('\(known.code)'); using agencies.csv")
  }

  private func record(_ reader: CSVReader) {
    let line = reader.line
    switch policy {
    case .fail:
      for problem in problems {
        if errors.count < errorLimit {
          errors.append(
            FolioError(
              .ingest, problem.message, path: path, line: line, column: problem.column,
              excerpt: excerpt(reader.raw)))
        } else {
          omitted += 1
        }
      }
    case .quarantine:
      var fields = reader.fields.map { String(decoding: $0, as: UTF8.self) }
      if fields.count < headerWidth {
        fields += [String](repeating: "", count: headerWidth - fields.count)
      }
      let reason = problems.map(\.message).joined(separator: "; ")
      fields.insert(reason, at: headerWidth)
      rejects?.rows.append(fields)
      rejects?.lines.append(line)
    }
  }

  /// The record's text for an error message, cut to about 200 characters.
  private func excerpt(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: raw, as: UTF8.self)
    return text.count > 200 ? String(text.prefix(200)) + "…" : text
  }

  /// Rows quarantined so far.
  var rejectedCount: Int { rejects?.rows.count ?? 0 }

  /// Keeps what later files look up: the key map of a single-column key, agencies' countries.
  private func remember(_ values: [CellValue]) {
    if keyColumns.count == 1 {
      let value = values[keyColumns[0]]
      if ownKeyMap[value] == nil { ownKeyMap[value] = Int32(ownKeyMap.count) }
    }
    if isAgencies, case .int(let id) = values[0], case .text(let country) = values[3],
      case .text(let code) = values[4]
    {
      state.agencyCountries[id] = (country, code)
    }
  }
}
