-- Daily performance with SLA flags and the response-time score (SPEC §5).
-- A day with no requests is neither breached nor within SLA: its rate, flags
-- and score are NULL. The error breach is tested without division.
CREATE TABLE fact_performance AS
SELECT p.agency_id,
       p.date AS date_key,
       s.service_id,
       r.region_id,
       p.request_count,
       p.error_count,
       CASE WHEN p.request_count > 0
            THEN 100.0 * p.error_count / p.request_count END AS error_rate_pct,
       p.avg_latency_ms,
       p.p95_latency_ms,
       CASE WHEN p.request_count > 0 THEN
         CASE WHEN p.p95_latency_ms > s.sla_latency_ms THEN 1 ELSE 0 END
       END AS latency_breach_flag,
       CASE WHEN p.request_count > 0 THEN
         CASE WHEN 100.0 * p.error_count > s.sla_error_rate_pct * p.request_count THEN 1 ELSE 0 END
       END AS error_breach_flag,
       CASE WHEN p.request_count > 0 THEN
         CASE WHEN p.p95_latency_ms > s.sla_latency_ms
                OR 100.0 * p.error_count > s.sla_error_rate_pct * p.request_count
              THEN 1 ELSE 0 END
       END AS sla_breach_flag,
       CASE WHEN p.request_count > 0 THEN
         100.0 * CASE
           WHEN (c.headroom * s.sla_latency_ms - p.p95_latency_ms) / s.sla_latency_ms < 0 THEN 0.0
           WHEN (c.headroom * s.sla_latency_ms - p.p95_latency_ms) / s.sla_latency_ms > 1 THEN 1.0
           ELSE (c.headroom * s.sla_latency_ms - p.p95_latency_ms) / s.sla_latency_ms
         END
       END AS response_time_score,
       u.migration_status,
       d.peak_period_flag
FROM raw_performance_daily p
JOIN dim_service s ON s.service_type = p.service_type
JOIN dim_region r ON r.aws_region = p.aws_region
JOIN raw_usage_monthly u
  ON u.agency_id = p.agency_id
 AND u.service_type = p.service_type
 AND u.aws_region = p.aws_region
 AND u.month = substr(p.date, 1, 7)
JOIN dim_date d ON d.date_key = p.date
CROSS JOIN (
  SELECT MAX(CASE WHEN key = 'response_time_headroom' THEN value END) AS headroom
  FROM folio_config
) c;

CREATE INDEX fact_performance_row
  ON fact_performance (agency_id, service_id, region_id, date_key);
CREATE INDEX fact_performance_date ON fact_performance (date_key);
