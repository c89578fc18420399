-- Stability per usage row (agency x service x region x month), SPEC §5:
--   0.4 x mean daily response_time_score (days with requests)
-- + 0.3 x (100 - monthly error rate)      (100 x sum errors / sum requests)
-- + 0.3 x utilisation_score
-- Built before fact_migration_summary, which weights these rows by requests;
-- that is why this kpi_ file runs before the last fact_ file.
CREATE TABLE kpi_stability_monthly AS
WITH perf AS (
  SELECT agency_id, service_id, region_id, month_key, request_count, error_count,
         CASE WHEN days_with_requests > 0
              THEN response_time_score_sum / days_with_requests END AS response_time_score,
         days_with_requests, breached_days
  FROM agg_performance_monthly
),
w AS (
  SELECT MAX(CASE WHEN key = 'stability_weight_response_time' THEN value END) AS w_rt,
         MAX(CASE WHEN key = 'stability_weight_error_rate' THEN value END) AS w_err,
         MAX(CASE WHEN key = 'stability_weight_utilisation' THEN value END) AS w_util
  FROM folio_config
),
joined AS (
  SELECT u.agency_id, u.service_id, u.region_id,
         substr(u.date_key, 1, 7) AS month_key,
         COALESCE(p.request_count, 0) AS request_count,
         CASE WHEN p.request_count > 0 THEN p.response_time_score END AS response_time_score,
         CASE WHEN p.request_count > 0
              THEN 100.0 * p.error_count / p.request_count END AS error_rate_pct,
         u.utilisation_score,
         CASE WHEN p.days_with_requests > 0
              THEN 100.0 * p.breached_days / p.days_with_requests END AS sla_breach_rate_pct,
         u.migration_status
  FROM fact_usage_monthly u
  LEFT JOIN perf p
    ON p.agency_id = u.agency_id AND p.service_id = u.service_id
   AND p.region_id = u.region_id AND p.month_key = substr(u.date_key, 1, 7)
)
SELECT j.agency_id, j.service_id, j.region_id, j.month_key,
       j.request_count,
       j.response_time_score,
       j.error_rate_pct,
       j.utilisation_score,
       CASE WHEN j.request_count > 0 THEN
         w.w_rt * j.response_time_score + w.w_err * (100.0 - j.error_rate_pct)
         + w.w_util * j.utilisation_score
       END AS stability_score,
       j.sla_breach_rate_pct,
       CASE WHEN EXISTS (
         SELECT 1 FROM raw_peak_periods pp
         WHERE pp.start_date <= j.month_key || '-31' AND pp.end_date >= j.month_key || '-01'
       ) THEN 1 ELSE 0 END AS peak_period_flag,
       j.migration_status
FROM joined j
CROSS JOIN w;

CREATE UNIQUE INDEX kpi_stability_key
  ON kpi_stability_monthly (agency_id, service_id, region_id, month_key);
