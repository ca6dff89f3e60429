-- Alerts raised in [$8, $9) on assets in an area, newest first, at most $12, each with the total, for the
-- analyst's list and exports. $1..$6 the area, $7 the caller's scope, $10 severities, $11 device types.
SELECT count(*) OVER ()::int AS total, al.id::int AS id, a.code AS asset_code, a.name AS asset_name,
       upper(a.kind::text) AS asset_kind, dn.name AS district_name, d.code AS device_code,
       upper(d.type::text) AS kind, upper(al.severity::text) AS severity,
       upper(al.peak_severity::text) AS peak_severity, al.started_at, al.cleared_at, al.acknowledged_at,
       round(ST_X(d.location)::numeric, 6)::float8 AS lon, round(ST_Y(d.location)::numeric, 6)::float8 AS lat
FROM alerts al
JOIN devices d ON d.id = al.device_id
JOIN assets a ON a.id = al.asset_id
LEFT JOIN areas dn ON dn.code = a.district_code
WHERE al.started_at >= $8::timestamptz AND al.started_at < $9::timestamptz
  AND al.asset_id IN (SELECT x.id FROM assets_in_area($1, $2, $3, $4, $5, $6, NULL, $7::text) x)
  AND ($10::alert_severity[] IS NULL OR al.severity = ANY ($10::alert_severity[]))
  AND ($11::text[] IS NULL OR d.type::text = ANY ($11::text[]))
ORDER BY al.started_at DESC, al.id DESC
LIMIT $12;
