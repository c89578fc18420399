-- Monthly usage, one row per agency x service x region x month.
-- utilisation_score: 100 inside the healthy band, falling linearly to 0 at
-- 0 % (waste) and at 100 % (saturation) outside it (SPEC §5).
CREATE TABLE fact_usage_monthly AS
SELECT u.agency_id,
       u.month || '-01' AS date_key,
       s.service_id,
       r.region_id,
       u.service_type,
       u.compute_hours,
       u.storage_gb,
       u.data_egress_gb,
       u.utilisation_pct,
       u.cost_usd,
       u.resource_count,
       u.migration_status,
       u.aws_region,
       u.tagged_resource_count,
       CASE
         WHEN u.utilisation_pct < c.band_low THEN 100.0 * u.utilisation_pct / c.band_low
         WHEN u.utilisation_pct > c.band_high
           THEN 100.0 * (100.0 - u.utilisation_pct) / (100.0 - c.band_high)
         ELSE 100.0
       END AS utilisation_score
FROM raw_usage_monthly u
JOIN dim_service s ON s.service_type = u.service_type
JOIN dim_region r ON r.aws_region = u.aws_region
CROSS JOIN (
  SELECT MAX(CASE WHEN key = 'utilisation_band_low' THEN value END) AS band_low,
         MAX(CASE WHEN key = 'utilisation_band_high' THEN value END) AS band_high
  FROM folio_config
) c;

CREATE UNIQUE INDEX fact_usage_key
  ON fact_usage_monthly (agency_id, service_id, region_id, date_key);
