import Foundation
import Synchronization
import Testing

@testable import FolioKit

@Suite struct CSVIngestBehaviourTests {
  typealias F = IngestFixture

  @Test func validSetLoadsEveryTableInOrderWithTypedValues() throws {
    let (report, sink) = try F.run()
    #expect(report.hasData)
    #expect(report.warnings.isEmpty)
    #expect(sink.tables.map(\.schema.tableName) == InputSchemas.all.map(\.tableName))
    #expect(sink.ended == 6)
    #expect(report.files.map(\.rowsAccepted) == [2, 2, 2, 1, 3, 4])
    #expect(report.files.allSatisfy { $0.rowsRejected == 0 })
    #expect(sink.rows("raw_agencies")[1] == [.int(2), .text("Licensing Office, Roads"), .text("Transport"), .text("Kenya"), .text("KE")])
    #expect(
      sink.rows("raw_usage_monthly")[2] == [
        .int(2), .text("Kenya"), .text("KE"), .text("2024-01"), .text("lic"), .double(10), .double(5),
        .double(1), .double(30), .double(200), .text("eu-west-1"), .text("migrating"), .int(4), .null,
      ])
    #expect(
      sink.rows("raw_performance_daily")[0] == [
        .text("2024-01-01"), .int(1), .text("tax"), .text("af-south-1"), .int(1000), .int(5),
        .double(120.5), .double(300),
      ])
  }

  @Test func digestsAndSizesMatchTheFiles() throws {
    let (report, _) = try F.run()
    for file in report.files {
      let bytes = try Data(contentsOf: F.validDirectory.appendingPathComponent(file.fileName))
      #expect(file.bytes == bytes.count)
      #expect(file.sha256 == SHA256.hex(bytes), "\(file.fileName)")
    }
  }

  @Test func tinyChunksGiveTheSameResult() throws {
    let (whole, wholeSink) = try F.run()
    for chunk in [1, 2, 7] {
      let (pieces, sink) = try F.run(chunkSize: chunk)
      #expect(pieces.files.map(\.sha256) == whole.files.map(\.sha256))
      #expect(sink.tables.map(\.rows) == wholeSink.tables.map(\.rows), "chunk \(chunk)")
    }
  }

  @Test func bomAndCRLFFilesReadTheSame() throws {
    let (_, plain) = try F.run()
    let overrides = InputSchemas.all.map { schema in
      let text = F.valid(schema.fileName).replacingOccurrences(of: "\n", with: "\r\n")
      return (schema.fileName, Optional([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
    }
    let (_, crlf) = try F.run(overrides, chunkSize: 2)
    #expect(crlf.tables.map(\.rows) == plain.tables.map(\.rows))
  }

  @Test func headerMatchesByTrimmedCaseInsensitiveNameInAnyOrder() throws {
    let usage =
      " Cost_USD ,AGENCY_ID,Notes,month,Service_Type,compute_hours,storage_gb,data_egress_gb,"
      + "utilisation_pct,aws_region,migration_status,resource_count,country,country_code\n"
      + "1200.5,1,hello,2024-01,tax,100,50,5,60,af-south-1,pre_migration,10,Kenya,KE\n"
    let (report, sink) = try F.run([
      F.replacing("usage_monthly.csv", usage),
      F.replacing("performance_daily.csv", "date,agency_id,service_type,aws_region,request_count,error_count,avg_latency_ms,p95_latency_ms\n"),
    ])
    #expect(report.warnings == ["data/usage_monthly.csv: ignoring unknown column 'Notes'"])
    #expect(
      sink.rows("raw_usage_monthly") == [
        [
          .int(1), .text("Kenya"), .text("KE"), .text("2024-01"), .text("tax"), .double(100), .double(50),
          .double(5), .double(60), .double(1200.5), .text("af-south-1"), .text("pre_migration"), .int(10), .null,
        ]
      ])
  }

  @Test func countryMismatchWarnsOncePerAgencyAndKeepsTheRowsValues() throws {
    let usage = F.valid("usage_monthly.csv").replacingOccurrences(of: "1,Kenya,KE", with: "1,Kenia,KE")
    let (report, sink) = try F.run([F.replacing("usage_monthly.csv", usage)])
    #expect(
      report.warnings == [
        "data/usage_monthly.csv:2: agency_id 1 has country 'Kenia' ('KE') but agencies.csv says 'Kenya' ('KE'); using agencies.csv"
      ])
    #expect(sink.rows("raw_usage_monthly")[0][1] == .text("Kenia"))
  }

  @Test func peakPeriodsMayHaveNoRows() throws {
    let (report, sink) = try F.run([F.replacing("peak_periods.csv", "name,start_date,end_date\n")])
    #expect(report.files[3].rowsAccepted == 0)
    #expect(sink.rows("raw_peak_periods").isEmpty)
    #expect(sink.tables.count == 6)
  }

  @Test func noDataMeansAPlainSite() throws {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("folio-no-such-\(UUID().uuidString)")
    let sink = RecordingSink()
    let report = try Ingest(dataDirectory: missing, displayPath: "data").run(into: sink)
    #expect(!report.hasData)
    #expect(report.files.isEmpty)
    #expect(sink.tables.isEmpty)
    try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: missing) }
    try Data("x".utf8).write(to: missing.appendingPathComponent("notes.csv"))
    #expect(try !Ingest(dataDirectory: missing, displayPath: "data").run(into: sink).hasData)
  }

  @Test func quarantineKeepsGoingAndAccountsForEveryRow() throws {
    let (report, sink) = try F.run(
      [
        F.appending(
          "usage_monthly.csv", "1,Kenya,KE,2024-03,tax,100,50,5,60,-3,af-south-1,post_migration,10,9",
          "2,Kenya,KE,2024-02,lic,1,\"a,b\""),
        F.appending(
          "performance_daily.csv", "2024-01-03,9,tax,af-south-1,10,0,1,2",
          "2024-01-04,1,tax,af-south-1,10,0,1,2",
          "2024-03-01,1,tax,af-south-1,10,x,1,2"),
      ], policy: .quarantine)
    #expect(report.files[4].rowsAccepted == 3)
    #expect(report.files[4].rowsRejected == 2)
    #expect(report.files[5].rowsAccepted == 5)
    #expect(report.files[5].rowsRejected == 2)
    #expect(sink.rows("raw_performance_daily").count == 5)
    #expect(report.totalRows == 2 + 2 + 2 + 1 + 5 + 7)
    #expect(report.rejects.map(\.fileName) == ["usage_monthly.csv", "performance_daily.csv"])
    #expect(report.rejects[0].lines == [5, 6])
    #expect(
      report.rejects[0].csvText()
        == "agency_id,country,country_code,month,service_type,compute_hours,storage_gb,data_egress_gb,utilisation_pct,cost_usd,aws_region,migration_status,resource_count,tagged_resource_count,reason\n"
        + "1,Kenya,KE,2024-03,tax,100,50,5,60,-3,af-south-1,post_migration,10,9,cost_usd: '-3' must be ≥ 0\n"
        + "2,Kenya,KE,2024-02,lic,1,\"a,b\",,,,,,,,\"expected 14 fields as in the header, found 7\"\n")
    #expect(
      report.rejects[1].csvText()
        == "date,agency_id,service_type,aws_region,request_count,error_count,avg_latency_ms,p95_latency_ms,reason\n"
        + "2024-01-03,9,tax,af-south-1,10,0,1,2,agency_id: '9' is not in agencies.csv\n"
        + "2024-03-01,1,tax,af-south-1,10,x,1,2,error_count: 'x' is not an integer\n")
  }

  @Test func rejectsWithExtraFieldsKeepThemAfterTheReason() throws {
    let (report, _) = try F.run(
      [F.appending("regions.csv", "x,y,z\\,\"q\"")], policy: .quarantine)
    #expect(report.rejects.first?.rows == [["x", "y", "expected 2 fields as in the header, found 3", "z,\"q\""]])
    #expect(
      report.rejects.first?.csvText()
        == "aws_region,region_name,reason\nx,y,\"expected 2 fields as in the header, found 3\",\"z,\"\"q\"\"\"\n")
  }

  @Test func rejectsCSVReadsBackUnchanged() throws {
    let rows = [["a\\b", "c\"d", "e,f", "g\nh", "plain"]]
    let rejected = RejectedRows(fileName: "x.csv", header: ["h1", "h2", "h3", "h4", "reason"], rows: rows, lines: [2])
    let bytes = Array(rejected.csvText().utf8)
    var offset = 0
    let reader = CSVReader(dialect: CSVDialect(), chunkSize: 4) { buffer in
      let n = Swift.min(buffer.count, bytes.count - offset)
      for i in 0..<n { buffer[i] = bytes[offset + i] }
      offset += n
      return n
    }
    var read: [[String]] = []
    try reader.forEachRecord { read.append(reader.fields.map { String(decoding: $0, as: UTF8.self) }) }
    #expect(read == [rejected.header] + rows)
  }

  @Test func progressReportsBytes() throws {
    let dir = try F.directory([])
    let seen = Mutex<[String: Int]>([:])
    let ingest = Ingest(dataDirectory: dir, displayPath: "data") { file, read, total in
      seen.withLock { $0[file] = read }
      #expect(read <= total)
    }
    let report = try ingest.run(into: RecordingSink())
    let final = seen.withLock { $0 }
    for file in report.files { #expect(final[file.fileName] == file.bytes) }
  }
}
