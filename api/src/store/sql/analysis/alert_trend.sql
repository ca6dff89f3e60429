-- Alerts raised in [$8, $9) per $10 bucket ('hour' | 'day' | 'week' | 'month', China Standard Time), by
-- severity and device type. $1..$6 the area, $7 the caller's scope; $11 severities, $12 device types.
-- Uses alerts_started_at.
SELECT to_char(date_trunc($10::text, al.started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD"T"HH24:MI:SS') AS bucket,
       al.severity::text AS severity, d.type::text AS kind, count(*)::int AS n
FROM alerts al
JOIN devices d ON d.id = al.device_id
WHERE al.started_at >= $8::timestamptz AND al.started_at < $9::timestamptz
  AND al.asset_id IN (SELECT a.id FROM assets_in_area($1, $2, $3, $4, $5, $6, NULL, $7::text) a)
  AND ($11::alert_severity[] IS NULL OR al.severity = ANY ($11::alert_severity[]))
  AND ($12::text[] IS NULL OR d.type::text = ANY ($12::text[]))
GROUP BY 1, 2, 3;
