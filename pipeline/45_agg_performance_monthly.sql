-- The one pass over the daily facts that every monthly figure is built from:
-- sums per agency x service x region x month (not a SPEC table; an internal
-- aggregate). Means and rates are formed later from these sums, so nothing
-- averages averages. A day with no requests adds 0 requests and no flags.
CREATE TABLE agg_performance_monthly AS
SELECT agency_id, service_id, region_id,
       substr(date_key, 1, 7) AS month_key,
       MIN(migration_status) AS migration_status,
       SUM(request_count) AS request_count,
       SUM(CASE WHEN request_count > 0 THEN error_count ELSE 0 END) AS error_count,
       SUM(avg_latency_ms * request_count) AS latency_x_requests,
       SUM(p95_latency_ms * request_count) AS p95_x_requests,
       SUM(response_time_score) AS response_time_score_sum,
       COUNT(sla_breach_flag) AS days_with_requests,
       COALESCE(SUM(sla_breach_flag), 0) AS breached_days,
       COALESCE(SUM(latency_breach_flag), 0) AS latency_breached_days,
       COALESCE(SUM(error_breach_flag), 0) AS error_breached_days
FROM fact_performance
GROUP BY agency_id, service_id, region_id, substr(date_key, 1, 7);

CREATE UNIQUE INDEX agg_performance_monthly_key
  ON agg_performance_monthly (agency_id, service_id, region_id, month_key);
