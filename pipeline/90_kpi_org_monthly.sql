-- Organisation-wide figures per month: what the overview cards and the
-- archive index show. Stability is the request-weighted mean of the usage
-- rows' stability; breach rate counts day-level records with requests; latency
-- is request-weighted; error rate is errors over requests (SPEC §5).
CREATE TABLE kpi_org_monthly AS
WITH days AS (
  SELECT month_key,
         SUM(request_count) AS request_count,
         SUM(error_count) AS error_count,
         SUM(latency_x_requests) AS latency_x_requests,
         SUM(days_with_requests) AS days,
         SUM(breached_days) AS breached_days,
         SUM(latency_breached_days) AS latency_breached_days,
         SUM(error_breached_days) AS error_breached_days
  FROM agg_performance_monthly
  GROUP BY month_key
),
stab AS (
  SELECT month_key,
         SUM(stability_score * request_count) / SUM(request_count) AS stability_score,
         AVG(utilisation_score) AS utilisation_score,
         MAX(peak_period_flag) AS peak_period_flag
  FROM kpi_stability_monthly
  GROUP BY month_key
)
SELECT s.month_key,
       COALESCE(d.request_count, 0) AS request_count,
       s.stability_score,
       CASE WHEN d.days > 0 THEN 100.0 * d.breached_days / d.days END AS sla_breach_rate_pct,
       CASE WHEN d.days > 0 THEN 100.0 * d.latency_breached_days / d.days END AS latency_breach_rate_pct,
       CASE WHEN d.days > 0 THEN 100.0 * d.error_breached_days / d.days END AS error_breach_rate_pct,
       CASE WHEN d.request_count > 0 THEN d.latency_x_requests / d.request_count END AS avg_latency_ms,
       CASE WHEN d.request_count > 0 THEN 100.0 * d.error_count / d.request_count END AS error_rate_pct,
       s.utilisation_score,
       s.peak_period_flag,
       d.days AS day_records,
       d.breached_days
FROM stab s
LEFT JOIN days d ON d.month_key = s.month_key
ORDER BY s.month_key;
