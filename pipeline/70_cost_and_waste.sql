-- Cost spikes and cloud waste (SPEC §4). Views, so they always follow the
-- thresholds stored in folio_config. Months are compared by a month index
-- (year x 12 + month) rather than date functions, which keeps this portable.
CREATE VIEW v_cost_spikes AS
WITH m AS (
  SELECT agency_id, service_id, region_id,
         substr(date_key, 1, 7) AS month_key,
         CAST(substr(date_key, 1, 4) AS INTEGER) * 12
           + CAST(substr(date_key, 6, 2) AS INTEGER) AS month_index,
         cost_usd
  FROM fact_usage_monthly
),
c AS (
  SELECT MAX(CASE WHEN key = 'cost_spike_min_pct' THEN value END) AS min_pct,
         MAX(CASE WHEN key = 'cost_spike_min_usd' THEN value END) AS min_usd
  FROM folio_config
)
SELECT cur.agency_id, cur.service_id, cur.region_id, cur.month_key,
       cur.cost_usd,
       prev.cost_usd AS prev_cost_usd,
       cur.cost_usd - prev.cost_usd AS change_usd,
       CASE WHEN prev.cost_usd > 0
            THEN 100.0 * (cur.cost_usd - prev.cost_usd) / prev.cost_usd END AS change_pct
FROM m cur
JOIN m prev
  ON prev.agency_id = cur.agency_id AND prev.service_id = cur.service_id
 AND prev.region_id = cur.region_id AND prev.month_index = cur.month_index - 1
CROSS JOIN c
WHERE cur.cost_usd - prev.cost_usd >= c.min_usd
  AND (prev.cost_usd = 0 OR 100.0 * (cur.cost_usd - prev.cost_usd) >= c.min_pct * prev.cost_usd);

CREATE VIEW v_cloud_waste AS
SELECT u.agency_id, u.service_id, u.region_id,
       substr(u.date_key, 1, 7) AS month_key,
       u.utilisation_pct,
       u.cost_usd,
       u.cost_usd * (1.0 - u.utilisation_pct / 100.0) AS idle_cost_usd
FROM fact_usage_monthly u
WHERE u.utilisation_pct < (SELECT value FROM folio_config WHERE key = 'waste_utilisation_pct');
