-- Pre vs post migration per agency x service x region (SPEC §4, §5). The phase
-- follows migration_status, not the date; `migrating` months are left out.
-- Only combinations with request days in both phases get a row.
CREATE TABLE fact_migration_summary AS
WITH days AS (
  SELECT agency_id, service_id, region_id, migration_status AS phase,
         SUM(days_with_requests) AS days,
         SUM(latency_x_requests) / SUM(request_count) AS avg_latency_ms,
         SUM(p95_x_requests) / SUM(request_count) AS p95_latency_ms,
         100.0 * SUM(error_count) / SUM(request_count) AS error_rate_pct,
         100.0 * SUM(breached_days) / SUM(days_with_requests) AS sla_breach_rate_pct
  FROM agg_performance_monthly
  WHERE migration_status IN ('pre_migration', 'post_migration')
  GROUP BY agency_id, service_id, region_id, migration_status
  HAVING SUM(days_with_requests) > 0
),
stability AS (
  SELECT agency_id, service_id, region_id, migration_status AS phase,
         SUM(stability_score * request_count) / SUM(request_count) AS stability_score
  FROM kpi_stability_monthly
  WHERE stability_score IS NOT NULL
  GROUP BY agency_id, service_id, region_id, migration_status
),
cost AS (
  SELECT agency_id, service_id, region_id, migration_status AS phase,
         AVG(cost_usd) AS monthly_cost_usd
  FROM fact_usage_monthly
  GROUP BY agency_id, service_id, region_id, migration_status
),
phases AS (
  SELECT d.*, s.stability_score, c.monthly_cost_usd
  FROM days d
  LEFT JOIN stability s
    ON s.agency_id = d.agency_id AND s.service_id = d.service_id
   AND s.region_id = d.region_id AND s.phase = d.phase
  LEFT JOIN cost c
    ON c.agency_id = d.agency_id AND c.service_id = d.service_id
   AND c.region_id = d.region_id AND c.phase = d.phase
),
migrated AS (
  SELECT agency_id, service_id, region_id, MIN(substr(date_key, 1, 7)) AS migration_month
  FROM fact_usage_monthly
  WHERE migration_status = 'post_migration'
  GROUP BY agency_id, service_id, region_id
)
SELECT pre.agency_id, pre.service_id, pre.region_id,
       m.migration_month,
       pre.days AS pre_days,
       post.days AS post_days,
       pre.avg_latency_ms AS pre_avg_latency_ms,
       post.avg_latency_ms AS post_avg_latency_ms,
       post.avg_latency_ms - pre.avg_latency_ms AS delta_avg_latency_ms,
       pre.p95_latency_ms AS pre_p95_latency_ms,
       post.p95_latency_ms AS post_p95_latency_ms,
       post.p95_latency_ms - pre.p95_latency_ms AS delta_p95_latency_ms,
       pre.error_rate_pct AS pre_error_rate_pct,
       post.error_rate_pct AS post_error_rate_pct,
       post.error_rate_pct - pre.error_rate_pct AS delta_error_rate_pct,
       pre.sla_breach_rate_pct AS pre_sla_breach_rate_pct,
       post.sla_breach_rate_pct AS post_sla_breach_rate_pct,
       post.sla_breach_rate_pct - pre.sla_breach_rate_pct AS delta_sla_breach_rate_pct,
       pre.stability_score AS pre_stability_score,
       post.stability_score AS post_stability_score,
       post.stability_score - pre.stability_score AS delta_stability_score,
       pre.monthly_cost_usd AS pre_monthly_cost_usd,
       post.monthly_cost_usd AS post_monthly_cost_usd,
       post.monthly_cost_usd - pre.monthly_cost_usd AS delta_monthly_cost_usd
FROM phases pre
JOIN phases post
  ON post.agency_id = pre.agency_id AND post.service_id = pre.service_id
 AND post.region_id = pre.region_id AND post.phase = 'post_migration'
JOIN migrated m
  ON m.agency_id = pre.agency_id AND m.service_id = pre.service_id
 AND m.region_id = pre.region_id
WHERE pre.phase = 'pre_migration'
ORDER BY pre.agency_id, pre.service_id, pre.region_id;
