-- Daily performance with SLA flags and the response-time score (SPEC §5).
-- A day with no requests is neither breached nor within SLA: its rate, flags
-- and score are NULL. The error breach is tested without division.
--
-- Speed: every daily row needs its usage row (migration status), its service
-- (ids, SLA thresholds) and its region. Those are joined once per usage row
-- into usage_context, so each of the million daily rows does one lookup there
-- plus one in dim_date.
CREATE TEMP TABLE usage_context AS
SELECT u.agency_id, u.service_type, u.aws_region, u.month,
       s.service_id, r.region_id, u.migration_status,
       s.sla_latency_ms, s.sla_error_rate_pct,
       (SELECT value FROM folio_config WHERE key = 'response_time_headroom') * s.sla_latency_ms AS zero_score_ms
FROM raw_usage_monthly u
JOIN dim_service s ON s.service_type = u.service_type
JOIN dim_region r ON r.aws_region = u.aws_region;

CREATE UNIQUE INDEX temp.usage_context_key
  ON usage_context (agency_id, service_type, aws_region, month);

CREATE TABLE fact_performance AS
SELECT p.agency_id,
       p.date AS date_key,
       u.service_id,
       u.region_id,
       p.request_count,
       p.error_count,
       CASE WHEN p.request_count > 0
            THEN 100.0 * p.error_count / p.request_count END AS error_rate_pct,
       p.avg_latency_ms,
       p.p95_latency_ms,
       CASE WHEN p.request_count > 0 THEN
         CASE WHEN p.p95_latency_ms > u.sla_latency_ms THEN 1 ELSE 0 END
       END AS latency_breach_flag,
       CASE WHEN p.request_count > 0 THEN
         CASE WHEN 100.0 * p.error_count > u.sla_error_rate_pct * p.request_count THEN 1 ELSE 0 END
       END AS error_breach_flag,
       CASE WHEN p.request_count > 0 THEN
         CASE WHEN p.p95_latency_ms > u.sla_latency_ms
                OR 100.0 * p.error_count > u.sla_error_rate_pct * p.request_count
              THEN 1 ELSE 0 END
       END AS sla_breach_flag,
       -- 100 x clamp((headroom x SLA - p95) / SLA, 0, 1)
       CASE WHEN p.request_count > 0 THEN
         CASE WHEN p.p95_latency_ms >= u.zero_score_ms THEN 0.0
              WHEN p.p95_latency_ms <= u.zero_score_ms - u.sla_latency_ms THEN 100.0
              ELSE 100.0 * (u.zero_score_ms - p.p95_latency_ms) / u.sla_latency_ms
         END
       END AS response_time_score,
       u.migration_status,
       d.peak_period_flag
FROM raw_performance_daily p
JOIN usage_context u
  ON u.agency_id = p.agency_id
 AND u.service_type = p.service_type
 AND u.aws_region = p.aws_region
 AND u.month = substr(p.date, 1, 7)
JOIN dim_date d ON d.date_key = p.date;

DROP TABLE usage_context;
