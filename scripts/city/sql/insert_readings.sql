-- $1 int[] device_id | $2 int2[] metric_id | $3 float8[] ts (epoch seconds) | $4 float8[] value
-- Seed path only: the tables were just emptied, so no conflict handling (live ingest has its own upsert).
-- The readings and their 5-minute and hourly rollups in one statement. A batch holds every reading of its
-- devices (generateReadings yields whole devices), so no rollup bucket spans two batches.
WITH u AS (
  SELECT d, m, to_timestamp(t) AS ts, v FROM unnest($1::int[], $2::int2[], $3::float8[], $4::float8[]) AS u (d, m, t, v)
),
raw AS (
  INSERT INTO readings (device_id, metric_id, ts, value) SELECT d, m, ts, v FROM u
),
five AS (
  INSERT INTO readings_5m
  SELECT d, m, date_bin('5 minutes', ts, TIMESTAMPTZ '2000-01-01 00:00:00+08'), count(*), sum(v), min(v), max(v),
         max(ts), (array_agg(v ORDER BY ts DESC))[1]
  FROM u GROUP BY 1, 2, 3
)
INSERT INTO readings_1h
SELECT d, m, date_bin('1 hour', ts, TIMESTAMPTZ '2000-01-01 00:00:00+08'), count(*), sum(v), min(v), max(v),
       max(ts), (array_agg(v ORDER BY ts DESC))[1]
FROM u GROUP BY 1, 2, 3;
