-- Folio metrics pipeline, step 0: cut the raw data at the edition month.
-- An edition sees nothing after its month, so that an edition built again later
-- from the same files says the same (SPEC §4). Folio fills `folio_edition` and
-- `folio_config` (thresholds and weights) before this file runs.
DELETE FROM raw_usage_monthly
WHERE month > (SELECT edition_month FROM folio_edition);

-- Dates are ISO text, so every date after the edition month sorts above 'YYYY-MM-99'.
DELETE FROM raw_performance_daily
WHERE date > (SELECT edition_month || '-99' FROM folio_edition);


