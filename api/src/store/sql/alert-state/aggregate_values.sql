-- A monthly figure per device from the hourly rollups. $1 device type, $2 metric key, $3 from, $4 to,
-- $5 'sum' | 'avg' | 'max'.
SELECT r.device_id,
       CASE $5 WHEN 'sum' THEN sum(r.sum) WHEN 'avg' THEN sum(r.sum) / sum(r.n) ELSE max(r.max) END AS value
FROM devices d
JOIN readings_1h r ON r.device_id = d.id AND r.metric_id = (SELECT id FROM metrics WHERE key = $2)
WHERE d.type::text = $1 AND r.bucket >= $3 AND r.bucket < $4
GROUP BY r.device_id;
