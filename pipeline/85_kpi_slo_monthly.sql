-- SLO attainment and error budget per service x month (SPEC §5). Days are the
-- service's day-level records with requests, across all agencies and regions.
-- Not a SPEC §4 table: it is what the SLA page reads.
CREATE TABLE kpi_slo_monthly AS
WITH d AS (
  SELECT service_id, month_key,
         SUM(days_with_requests) AS days,
         SUM(breached_days) AS breached_days
  FROM agg_performance_monthly
  GROUP BY service_id, month_key
  HAVING SUM(days_with_requests) > 0
)
SELECT d.service_id, d.month_key, d.days, d.breached_days,
       100.0 * (d.days - d.breached_days) / d.days AS within_sla_pct,
       s.slo_target_pct,
       CASE WHEN 100.0 * (d.days - d.breached_days) >= s.slo_target_pct * d.days
            THEN 1 ELSE 0 END AS slo_met,
       (1.0 - s.slo_target_pct / 100.0) * d.days AS error_budget_days,
       CASE WHEN (1.0 - s.slo_target_pct / 100.0) * d.days > 0
            THEN 1.0 - d.breached_days / ((1.0 - s.slo_target_pct / 100.0) * d.days)
            WHEN d.breached_days = 0 THEN 1.0
            ELSE 0.0 END AS budget_remaining
FROM d
JOIN dim_service s ON s.service_id = d.service_id
ORDER BY d.service_id, d.month_key;
