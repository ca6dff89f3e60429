-- Raw readings of one metric for some devices. $1 int[] device ids, $2 metric id, $3 from, $4 to (exclusive),
-- $5 max rows per device + 1 (to detect overflow). Uses readings_pkey with partition pruning on ts.
SELECT device_id, ts, value
FROM (
  SELECT device_id, ts, value, row_number() OVER (PARTITION BY device_id ORDER BY ts) AS n
  FROM readings
  WHERE device_id = ANY ($1::int[]) AND metric_id = $2 AND ts >= $3 AND ts < $4
) x
WHERE n <= $5
ORDER BY device_id, ts;
