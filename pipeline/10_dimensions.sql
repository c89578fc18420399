-- Dimensions. Surrogate ids follow the byte order of the natural key
-- (SQLite's default BINARY collation compares bytes, as SPEC §4 asks).
CREATE TABLE dim_agency AS
SELECT agency_id, agency_name, sector, country, country_code
FROM raw_agencies;

CREATE TABLE dim_service AS
SELECT ROW_NUMBER() OVER (ORDER BY service_type) AS service_id,
       service_type, service_name, criticality,
       sla_latency_ms, sla_error_rate_pct, slo_target_pct
FROM raw_services;

CREATE TABLE dim_region AS
SELECT ROW_NUMBER() OVER (ORDER BY aws_region) AS region_id,
       aws_region, region_name
FROM raw_regions;

CREATE UNIQUE INDEX dim_service_type ON dim_service (service_type);
CREATE UNIQUE INDEX dim_region_code ON dim_region (aws_region);
