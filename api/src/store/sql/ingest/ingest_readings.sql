-- Stores a batch of readings in one statement: idempotent on (device, metric, time); only rows really
-- inserted are added to the 5-minute and hourly rollups and move last_seen_at; returns those rows (a re-sent
-- reading is neither counted twice nor judged twice). $1 int[] device ids, $2 smallint[] metric ids,
-- $3 timestamptz[] (sent as ISO text, to keep microseconds), $4 float8[]; ts_us is epoch microseconds.
WITH ins AS (
  INSERT INTO readings (device_id, metric_id, ts, value)
  SELECT * FROM unnest($1::int[], $2::smallint[], $3::timestamptz[], $4::float8[])
  ON CONFLICT DO NOTHING
  RETURNING device_id, metric_id, ts, value
), r5 AS (
  INSERT INTO readings_5m AS r (device_id, metric_id, bucket, n, sum, min, max, last_ts, last)
  SELECT device_id, metric_id, date_bin('5 minutes', ts, TIMESTAMPTZ '2000-01-01 00:00:00+08'),
         count(*), sum(value), min(value), max(value), max(ts), (array_agg(value ORDER BY ts DESC))[1]
  FROM ins GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (device_id, metric_id, bucket) DO UPDATE SET
    n = r.n + excluded.n, sum = r.sum + excluded.sum,
    min = least(r.min, excluded.min), max = greatest(r.max, excluded.max),
    last = CASE WHEN excluded.last_ts > r.last_ts THEN excluded.last ELSE r.last END,
    last_ts = greatest(r.last_ts, excluded.last_ts)
), r1h AS (
  INSERT INTO readings_1h AS r (device_id, metric_id, bucket, n, sum, min, max, last_ts, last)
  SELECT device_id, metric_id, date_bin('1 hour', ts, TIMESTAMPTZ '2000-01-01 00:00:00+08'),
         count(*), sum(value), min(value), max(value), max(ts), (array_agg(value ORDER BY ts DESC))[1]
  FROM ins GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (device_id, metric_id, bucket) DO UPDATE SET
    n = r.n + excluded.n, sum = r.sum + excluded.sum,
    min = least(r.min, excluded.min), max = greatest(r.max, excluded.max),
    last = CASE WHEN excluded.last_ts > r.last_ts THEN excluded.last ELSE r.last END,
    last_ts = greatest(r.last_ts, excluded.last_ts)
), seen AS (
  UPDATE devices d SET last_seen_at = s.ts
  FROM (SELECT device_id, max(ts) AS ts FROM ins GROUP BY 1) s
  -- d.id = ANY ($1): an index lookup of the batch's devices, not a scan of them all into a hash join
  WHERE d.id = s.device_id AND d.id = ANY ($1::int[]) AND (d.last_seen_at IS NULL OR d.last_seen_at < s.ts)
)
SELECT device_id, metric_id, (extract(epoch FROM ts) * 1000000)::int8 AS ts_us, value FROM ins;
