-- The latest reading of every metric of each device. $1 int[] device ids.
-- One backward probe of readings_pkey per (device, metric) across the daily partitions.
SELECT d.id AS device_id, m.metric_id, r.ts, r.value
FROM devices d
JOIN device_type_metrics m ON m.device_type = d.type
LEFT JOIN LATERAL (
  SELECT x.ts, x.value FROM readings x
  WHERE x.device_id = d.id AND x.metric_id = m.metric_id
  ORDER BY x.ts DESC LIMIT 1
) r ON true
WHERE d.id = ANY ($1::int[])
ORDER BY d.id, m.metric_id;
