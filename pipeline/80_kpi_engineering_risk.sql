-- Engineering risk per agency x service over the trailing window of
-- risk_window_months calendar months ending with the edition month (SPEC §5).
-- A component without data drops out and the other weights are rescaled.
-- Ranked by the score rounded to 6 decimals (stored values stay unrounded);
-- ties go to the lower agency_id, then service_id.
CREATE TABLE kpi_engineering_risk AS
WITH e AS (
  SELECT edition_month,
         CAST(substr(edition_month, 1, 4) AS INTEGER) * 12
           + CAST(substr(edition_month, 6, 2) AS INTEGER) AS last_index,
         CAST(substr(edition_month, 1, 4) AS INTEGER) * 12
           + CAST(substr(edition_month, 6, 2) AS INTEGER)
           - (SELECT value FROM folio_config WHERE key = 'risk_window_months') + 1 AS first_index
  FROM folio_edition
),
w AS (
  SELECT MAX(CASE WHEN key = 'risk_weight_sla_breach' THEN value END) AS w_breach,
         MAX(CASE WHEN key = 'risk_weight_stability' THEN value END) AS w_stab,
         MAX(CASE WHEN key = 'risk_weight_utilisation' THEN value END) AS w_util,
         MAX(CASE WHEN key = 'risk_weight_tagging' THEN value END) AS w_tag
  FROM folio_config
),
usage AS (
  SELECT u.* FROM fact_usage_monthly u CROSS JOIN e
  WHERE CAST(substr(u.date_key, 1, 4) AS INTEGER) * 12 + CAST(substr(u.date_key, 6, 2) AS INTEGER)
        BETWEEN e.first_index AND e.last_index
),
usage_agg AS (
  SELECT agency_id, service_id,
         AVG(utilisation_score) AS utilisation_score,
         CASE WHEN SUM(CASE WHEN tagged_resource_count IS NOT NULL THEN resource_count END) > 0
              THEN 100.0 * SUM(tagged_resource_count)
                   / SUM(CASE WHEN tagged_resource_count IS NOT NULL THEN resource_count END)
         END AS tagging_compliance_pct
  FROM usage
  GROUP BY agency_id, service_id
),
perf AS (
  SELECT f.agency_id, f.service_id,
         100.0 * SUM(f.breached_days) / SUM(f.days_with_requests) AS sla_breach_rate_pct
  FROM agg_performance_monthly f CROSS JOIN e
  WHERE CAST(substr(f.month_key, 1, 4) AS INTEGER) * 12 + CAST(substr(f.month_key, 6, 2) AS INTEGER)
        BETWEEN e.first_index AND e.last_index
  GROUP BY f.agency_id, f.service_id
  HAVING SUM(f.days_with_requests) > 0
),
stab AS (
  SELECT k.agency_id, k.service_id,
         SUM(k.stability_score * k.request_count) / SUM(k.request_count) AS stability_score
  FROM kpi_stability_monthly k CROSS JOIN e
  WHERE k.stability_score IS NOT NULL AND k.request_count > 0
    AND CAST(substr(k.month_key, 1, 4) AS INTEGER) * 12 + CAST(substr(k.month_key, 6, 2) AS INTEGER)
        BETWEEN e.first_index AND e.last_index
  GROUP BY k.agency_id, k.service_id
),
scored AS (
  SELECT e.edition_month, a.agency_id, a.service_id,
         p.sla_breach_rate_pct, s.stability_score, a.utilisation_score, a.tagging_compliance_pct,
         (  CASE WHEN p.sla_breach_rate_pct IS NULL THEN 0 ELSE w.w_breach * p.sla_breach_rate_pct END
          + CASE WHEN s.stability_score IS NULL THEN 0 ELSE w.w_stab * (100.0 - s.stability_score) END
          + CASE WHEN a.utilisation_score IS NULL THEN 0 ELSE w.w_util * (100.0 - a.utilisation_score) END
          + CASE WHEN a.tagging_compliance_pct IS NULL THEN 0 ELSE w.w_tag * (100.0 - a.tagging_compliance_pct) END)
         / NULLIF(
            CASE WHEN p.sla_breach_rate_pct IS NULL THEN 0 ELSE w.w_breach END
          + CASE WHEN s.stability_score IS NULL THEN 0 ELSE w.w_stab END
          + CASE WHEN a.utilisation_score IS NULL THEN 0 ELSE w.w_util END
          + CASE WHEN a.tagging_compliance_pct IS NULL THEN 0 ELSE w.w_tag END, 0) AS risk_score
  FROM usage_agg a
  CROSS JOIN e
  CROSS JOIN w
  LEFT JOIN perf p ON p.agency_id = a.agency_id AND p.service_id = a.service_id
  LEFT JOIN stab s ON s.agency_id = a.agency_id AND s.service_id = a.service_id
)
SELECT edition_month, agency_id, service_id, sla_breach_rate_pct, stability_score,
       utilisation_score, tagging_compliance_pct, risk_score,
       ROW_NUMBER() OVER (ORDER BY ROUND(risk_score, 6) DESC, agency_id, service_id) AS rank
FROM scored
ORDER BY rank;
