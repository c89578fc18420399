-- One row per day from the first to the last performance date of the edition.
-- SQLite-specific: date(x, '+1 day') and strftime('%w'); Trino would use
-- date_add('day', 1, x) and day_of_week(x), which is already ISO.
CREATE TABLE dim_date AS
WITH RECURSIVE days (date_key) AS (
  SELECT MIN(date) FROM raw_performance_daily
  UNION ALL
  SELECT date(date_key, '+1 day') FROM days
  WHERE date_key < (SELECT MAX(date) FROM raw_performance_daily)
)
SELECT d.date_key,
       substr(d.date_key, 1, 7) AS month_key,
       CAST(substr(d.date_key, 1, 4) AS INTEGER) AS year,
       (CAST(substr(d.date_key, 6, 2) AS INTEGER) + 2) / 3 AS quarter,
       CAST(substr(d.date_key, 6, 2) AS INTEGER) AS month_of_year,
       (CAST(strftime('%w', d.date_key) AS INTEGER) + 6) % 7 + 1 AS day_of_week,
       CASE WHEN EXISTS (
         SELECT 1 FROM raw_peak_periods p
         WHERE d.date_key BETWEEN p.start_date AND p.end_date
       ) THEN 1 ELSE 0 END AS peak_period_flag,
       (SELECT p.name FROM raw_peak_periods p
        WHERE d.date_key BETWEEN p.start_date AND p.end_date
        ORDER BY p.start_date, p.name
        LIMIT 1) AS peak_period_name
FROM days d
WHERE d.date_key IS NOT NULL;

CREATE UNIQUE INDEX dim_date_key ON dim_date (date_key);
