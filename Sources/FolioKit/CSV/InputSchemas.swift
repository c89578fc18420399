/// The six raw input files of SPEC §3, in load order (referenced files before referencing ones).
public enum InputSchemas {
  public static let agencies = FileSchema(
    fileName: "agencies.csv", tableName: "raw_agencies",
    columns: [
      ColumnSchema("agency_id", .int),
      ColumnSchema("agency_name", .text),
      ColumnSchema("sector", .text),
      ColumnSchema("country", .text),
      ColumnSchema("country_code", .text),
    ],
    key: ["agency_id"])

  public static let services = FileSchema(
    fileName: "services.csv", tableName: "raw_services",
    columns: [
      ColumnSchema("service_type", .text),
      ColumnSchema("service_name", .text),
      ColumnSchema("criticality", .choice(["critical", "high", "medium", "low"])),
      ColumnSchema("sla_latency_ms", .double, min: 0, minInclusive: false),
      ColumnSchema("sla_error_rate_pct", .double, min: 0, max: 100),
      ColumnSchema("slo_target_pct", .double, min: 0, minInclusive: false, max: 100),
    ],
    key: ["service_type"])

  public static let regions = FileSchema(
    fileName: "regions.csv", tableName: "raw_regions",
    columns: [
      ColumnSchema("aws_region", .text),
      ColumnSchema("region_name", .text),
    ],
    key: ["aws_region"])

  public static let peakPeriods = FileSchema(
    fileName: "peak_periods.csv", tableName: "raw_peak_periods",
    columns: [
      ColumnSchema("name", .text),
      ColumnSchema("start_date", .date),
      ColumnSchema("end_date", .date, atLeast: "start_date"),
    ],
    key: [])

  public static let usageMonthly = FileSchema(
    fileName: "usage_monthly.csv", tableName: "raw_usage_monthly",
    columns: [
      ColumnSchema("agency_id", .int, references: "agencies.csv"),
      ColumnSchema("country", .text),
      ColumnSchema("country_code", .text),
      ColumnSchema("month", .month),
      ColumnSchema("service_type", .text, references: "services.csv"),
      ColumnSchema("compute_hours", .double, min: 0),
      ColumnSchema("storage_gb", .double, min: 0),
      ColumnSchema("data_egress_gb", .double, min: 0),
      ColumnSchema("utilisation_pct", .double, min: 0, max: 100),
      ColumnSchema("cost_usd", .double, min: 0),
      ColumnSchema("aws_region", .text, references: "regions.csv"),
      ColumnSchema(
        "migration_status", .choice(["pre_migration", "migrating", "post_migration"])),
      ColumnSchema("resource_count", .int, min: 0),
      ColumnSchema("tagged_resource_count", .int, required: false, min: 0, atMost: "resource_count"),
    ],
    key: ["agency_id", "service_type", "aws_region", "month"])

  public static let performanceDaily = FileSchema(
    fileName: "performance_daily.csv", tableName: "raw_performance_daily",
    columns: [
      ColumnSchema("date", .date),
      ColumnSchema("agency_id", .int, references: "agencies.csv"),
      ColumnSchema("service_type", .text, references: "services.csv"),
      ColumnSchema("aws_region", .text, references: "regions.csv"),
      ColumnSchema("request_count", .int, min: 0),
      ColumnSchema("error_count", .int, min: 0, atMost: "request_count"),
      ColumnSchema("avg_latency_ms", .double, min: 0),
      ColumnSchema("p95_latency_ms", .double, min: 0),
    ],
    key: ["date", "agency_id", "service_type", "aws_region"],
    loadOrder: ["agency_id", "service_type", "aws_region", "date"])

  /// Every input, in load order: agencies, services, regions, peak_periods, usage_monthly, performance_daily.
  public static let all: [FileSchema] = [
    agencies, services, regions, peakPeriods, usageMonthly, performanceDaily,
  ]

  /// The schema of an input file, by file name.
  public static func schema(forFile fileName: String) -> FileSchema? {
    all.first { $0.fileName == fileName }
  }
}
