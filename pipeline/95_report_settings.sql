-- Report settings: the targets and recommendation thresholds the report pages
-- use. Not KPI settings (those are in folio_config, from folio.json): these
-- belong to this report, so they live beside its SQL. The overview cards, the
-- Insights rules and the Methodology page all read this one table, so a
-- threshold is never typed twice. Edit the VALUES to change a rule.
CREATE TABLE report_settings (key TEXT PRIMARY KEY, value REAL NOT NULL, meaning TEXT NOT NULL);

INSERT INTO report_settings (key, value, meaning) VALUES
  ('stability_target', 90,
   'stability score the overview calls on target'),
  ('autoscale_peak_breach_pct', 10,
   'auto-scaling: SLA breach rate (%) on peak days at or above which a service is flagged ...'),
  ('autoscale_peak_utilisation_pct', 75,
   '... when its utilisation in peak months also reached at least this (%)'),
  ('caching_latency_breach_pct', 5,
   'caching: latency-breach rate (%) of days at or above which a service is flagged ...'),
  ('caching_latency_share', 0.6,
   '... when at least this share of its breached days are latency-only (errors within SLA)'),
  ('refactor_error_breach_pct', 5,
   'service refactoring: error-breach rate (%) of days at or above which a service is flagged'),
  ('rightsize_waste_months', 6,
   'right-sizing: months (of the risk window) below the waste utilisation threshold'),
  ('tagging_min_pct', 80,
   'tagging: tagging compliance (%) below which an agency is flagged'),
  ('risk_top_n', 10,
   'rows of the top-risk table on the overview');

-- Tables rather than views: several pages compare these daily values, and
-- grouping 40,000+ day-records once is cheaper than once per query.
-- Daily values per agency and migration phase (each day's request-weighted
-- value across the agency's rows in that phase): the observations of the
-- pre/post Welch comparisons (SPEC §5).
CREATE TABLE rpt_agency_phase_daily AS
SELECT f.agency_id, f.date_key, substr(f.date_key, 1, 7) AS month_key,
       f.peak_period_flag, f.migration_status,
       SUM(f.request_count) AS request_count,
       SUM(f.avg_latency_ms * f.request_count) / SUM(f.request_count) AS avg_latency_ms,
       100.0 * SUM(f.error_count) / SUM(f.request_count) AS error_rate_pct,
       100.0 * SUM(f.sla_breach_flag) / COUNT(f.sla_breach_flag) AS sla_breach_rate_pct
FROM fact_performance f
WHERE f.request_count > 0
GROUP BY f.agency_id, f.date_key, f.migration_status;

CREATE INDEX rpt_agency_phase_daily_key ON rpt_agency_phase_daily (agency_id, migration_status, date_key);

-- Daily values per service (all agencies and regions), for peak vs non-peak.
CREATE TABLE rpt_service_daily AS
SELECT f.service_id, f.date_key, substr(f.date_key, 1, 7) AS month_key,
       f.peak_period_flag,
       SUM(f.request_count) AS request_count,
       SUM(f.avg_latency_ms * f.request_count) / SUM(f.request_count) AS avg_latency_ms,
       100.0 * SUM(f.error_count) / SUM(f.request_count) AS error_rate_pct,
       100.0 * SUM(f.sla_breach_flag) / COUNT(f.sla_breach_flag) AS sla_breach_rate_pct
FROM fact_performance f
WHERE f.request_count > 0
GROUP BY f.service_id, f.date_key;

CREATE INDEX rpt_service_daily_key ON rpt_service_daily (service_id, date_key);
