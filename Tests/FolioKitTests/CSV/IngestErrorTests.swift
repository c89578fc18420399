import Foundation
import Testing

@testable import FolioKit

@Suite struct CSVIngestErrorTests {
  typealias F = IngestFixture

  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var appended: [String]
    var expected: [String]
    var testDescription: String { name }
  }

  static let rowCases: [Case] = [
    Case(name: "negative cost", file: "usage_monthly.csv",
      appended: ["1,Kenya,KE,2024-03,tax,100,50,5,60,-3,af-south-1,post_migration,10,9"],
      expected: ["data/usage_monthly.csv:5:10: cost_usd: '-3' must be ≥ 0"]),
    Case(name: "unknown agency", file: "performance_daily.csv",
      appended: ["2024-01-03,9,tax,af-south-1,10,0,1,2"],
      expected: ["data/performance_daily.csv:6:2: agency_id: '9' is not in agencies.csv"]),
    Case(name: "unknown service", file: "usage_monthly.csv",
      appended: ["1,Kenya,KE,2024-03,web,1,1,1,50,1,af-south-1,post_migration,1,1"],
      expected: ["data/usage_monthly.csv:5:5: service_type: 'web' is not in services.csv"]),
    Case(name: "unknown region", file: "usage_monthly.csv",
      appended: ["1,Kenya,KE,2024-03,tax,1,1,1,50,1,us-east-9,post_migration,1,1"],
      expected: ["data/usage_monthly.csv:5:11: aws_region: 'us-east-9' is not in regions.csv"]),
    Case(name: "not an integer", file: "performance_daily.csv",
      appended: ["2024-01-03,1,tax,af-south-1,abc,0,1,2"],
      expected: ["data/performance_daily.csv:6:5: request_count: 'abc' is not an integer"]),
    Case(name: "not a number", file: "performance_daily.csv",
      appended: ["2024-01-03,1,tax,af-south-1,10,0,1.2.3,2"],
      expected: ["data/performance_daily.csv:6:7: avg_latency_ms: '1.2.3' is not a number"]),
    Case(name: "not a calendar date", file: "performance_daily.csv",
      appended: ["2024-02-30,1,tax,af-south-1,10,0,1,2"],
      expected: ["data/performance_daily.csv:6:1: date: '2024-02-30' is not a valid date (YYYY-MM-DD)"]),
    Case(name: "not a month", file: "usage_monthly.csv",
      appended: ["1,Kenya,KE,2024-13,tax,1,1,1,1,1,af-south-1,post_migration,1,1"],
      expected: ["data/usage_monthly.csv:5:4: month: '2024-13' is not a valid month (YYYY-MM)"]),
    Case(name: "not a choice", file: "services.csv",
      appended: ["id,Identity,urgent,100,1,99"],
      expected: ["data/services.csv:4:3: criticality: 'urgent' must be one of critical, high, medium, low"]),
    Case(name: "strict lower bound", file: "services.csv",
      appended: ["id,Identity,low,0,1,100", "id2,Identity,low,10,1,0"],
      expected: [
        "data/services.csv:4:4: sla_latency_ms: '0' must be > 0",
        "data/services.csv:5:6: slo_target_pct: '0' must be > 0",
      ]),
    Case(name: "upper bound", file: "usage_monthly.csv",
      appended: ["1,Kenya,KE,2024-03,tax,1,1,1,101,1,af-south-1,post_migration,1,1"],
      expected: ["data/usage_monthly.csv:5:9: utilisation_pct: '101' must be ≤ 100"]),
    Case(name: "tagged above resources", file: "usage_monthly.csv",
      appended: ["1,Kenya,KE,2024-03,tax,1,1,1,50,1,af-south-1,post_migration,10,11"],
      expected: ["data/usage_monthly.csv:5:14: tagged_resource_count: '11' must be ≤ resource_count ('10')"]),
    Case(name: "errors above requests", file: "performance_daily.csv",
      appended: ["2024-01-03,1,tax,af-south-1,10,11,1,2"],
      expected: ["data/performance_daily.csv:6:6: error_count: '11' must be ≤ request_count ('10')"]),
    Case(name: "field count", file: "performance_daily.csv",
      appended: ["2024-01-03,1,tax,af-south-1,10,1,1", "2024-01-04,1,tax,af-south-1,10,1,1,2,3"],
      expected: [
        "data/performance_daily.csv:6:8: expected 8 fields as in the header, found 7",
        "data/performance_daily.csv:7:9: expected 8 fields as in the header, found 9",
      ]),
    Case(name: "duplicate agency", file: "agencies.csv",
      appended: ["1,Dup,Finance,Kenya,KE"],
      expected: ["data/agencies.csv:4:1: duplicate key (agency_id) = ('1'); first on line 2"]),
    Case(name: "duplicate usage key", file: "usage_monthly.csv",
      appended: ["1,Kenya,KE,2024-01,tax,1,1,1,1,1,af-south-1,post_migration,1,1"],
      expected: [
        "data/usage_monthly.csv:5:1: duplicate key (agency_id, service_type, aws_region, month) = ('1', 'tax', 'af-south-1', '2024-01'); first on line 2"
      ]),
    Case(name: "duplicate performance key", file: "performance_daily.csv",
      appended: ["2024-01-01,1,tax,af-south-1,1,0,1,2"],
      expected: [
        "data/performance_daily.csv:6:1: duplicate key (date, agency_id, service_type, aws_region) = ('2024-01-01', '1', 'tax', 'af-south-1'); an earlier row has the same key"
      ]),
    Case(name: "performance without usage", file: "performance_daily.csv",
      appended: ["2024-03-01,1,tax,af-south-1,1,0,1,2"],
      expected: [
        "data/performance_daily.csv:6:1: no usage_monthly.csv row for agency_id 1, service_type 'tax', aws_region 'af-south-1', month '2024-03'"
      ]),
    Case(name: "empty required value", file: "agencies.csv",
      appended: ["3,,Finance,Kenya,KE"],
      expected: ["data/agencies.csv:4:2: agency_name: a value is required"]),
    Case(name: "peak period ends before it starts", file: "peak_periods.csv",
      appended: ["Bad,2024-05-01,2024-04-30"],
      expected: ["data/peak_periods.csv:3:3: end_date: '2024-04-30' must not be before start_date ('2024-05-01')"]),
    Case(name: "every bad cell of a row", file: "performance_daily.csv",
      appended: ["2024-01-03,1,tax,af-south-1,-1,x,1,2"],
      expected: [
        "data/performance_daily.csv:6:5: request_count: '-1' must be ≥ 0",
        "data/performance_daily.csv:6:6: error_count: 'x' is not an integer",
      ]),
    Case(name: "line of a record after a quoted line break", file: "agencies.csv",
      appended: ["3,\"Two\nLines\",Finance,Kenya,KE", "x,Bad,Finance,Kenya,KE"],
      expected: ["data/agencies.csv:6:1: agency_id: 'x' is not an integer"]),
  ]

  @Test(arguments: rowCases) func badRows(_ c: Case) {
    let problems = F.problems([F.appending(c.file, c.appended.joined(separator: "\n"))])
    #expect(problems == c.expected)
  }

  static let structuralCases: [(String, [(String, [UInt8]?)], String)] = [
    ("missing column", [F.replacing("regions.csv", "aws_region\naf-south-1\n")],
     "data/regions.csv:1: missing required column 'region_name'"),
    ("missing columns", [F.replacing("regions.csv", "name\nx\n")],
     "data/regions.csv:1: missing required columns 'aws_region', 'region_name'"),
    ("duplicate header", [F.replacing("regions.csv", "aws_region,region_name, AWS_Region \n")],
     "data/regions.csv:1:3: duplicate column 'AWS_Region' (also column 1)"),
    ("empty file", [F.replacing("peak_periods.csv", "")],
     "data/peak_periods.csv: file is empty (it needs at least a header row)"),
    ("only empty lines", [F.replacing("peak_periods.csv", "\n\r\n")],
     "data/peak_periods.csv: file is empty (it needs at least a header row)"),
    ("unterminated quote", [F.appending("agencies.csv", "3,\"Open,Finance,Kenya,KE")],
     "data/agencies.csv:4: unterminated quoted field: the file ends inside the quote that starts on this line"),
    ("not UTF-8", [("agencies.csv", Array(F.valid("agencies.csv").utf8) + [0x33, 0x2C, 0xC3, 0x28, 0x2C, 0x61, 0x2C, 0x62, 0x2C, 0x63, 0x0A])],
     "data/agencies.csv:4: not valid UTF-8 text"),
    ("missing files", [("regions.csv", nil), ("peak_periods.csv", nil)],
     "data: missing input files: regions.csv, peak_periods.csv (a project has all six inputs or none)"),
  ]

  @Test func structuralProblemsFailEvenWithQuarantine() {
    for (name, overrides, expected) in Self.structuralCases {
      for policy in BadRowPolicy.allCases {
        #expect(F.problems(overrides, policy: policy) == [expected], "\(name), \(policy)")
      }
    }
  }

  @Test func errorCarriesTheRecordAsExcerpt() throws {
    let line = "1,Kenya,KE,2024-03,tax,100,50,5,60,-3,af-south-1,post_migration,10,9"
    let dir = try F.directory([F.appending("usage_monthly.csv", line)])
    #expect(throws: FolioErrors.self) {
      do {
        _ = try Ingest(dataDirectory: dir, displayPath: "data").run(into: RecordingSink())
      } catch let error as FolioErrors {
        #expect(error.errors.first?.excerpt == line)
        #expect(error.errors.first?.stage == .ingest)
        #expect(error.description == "data/usage_monthly.csv:5:10: cost_usd: '-3' must be ≥ 0\n    \(line)")
        throw error
      }
    }
  }

  @Test func errorsStopAtTheLimitAndCountTheRest() {
    let bad = (3...9).map { "2024-01-0\($0),1,tax,af-south-1,x,0,1,2" }
    do {
      _ = try F.run([F.appending("performance_daily.csv", bad.joined(separator: "\n"))], errorLimit: 2)
      Issue.record("expected errors")
    } catch let error as FolioErrors {
      #expect(error.errors.count == 2)
      #expect(error.omitted == 5)
      #expect(error.description.hasSuffix("\n... and 5 more problems"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
