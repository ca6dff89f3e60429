-- Readings of one metric for some devices, aggregated per time bucket aligned to midnight China Standard
-- Time. $1 int[] device ids, $2 metric id, $3 from, $4 to (exclusive), $5 bucket interval.
-- Uses readings_pkey with partition pruning on ts.
SELECT device_id, date_bin($5::interval, ts, TIMESTAMPTZ '2000-01-01 00:00:00+08') AS t,
       min(value) AS min, max(value) AS max, avg(value) AS avg,
       (array_agg(value ORDER BY ts DESC))[1] AS last, count(*)::int AS count
FROM readings
WHERE device_id = ANY ($1::int[]) AND metric_id = $2 AND ts >= $3 AND ts < $4
GROUP BY device_id, t
ORDER BY device_id, t;
