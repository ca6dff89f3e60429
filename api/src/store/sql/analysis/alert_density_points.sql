-- Where alerts raised in [$8, $9) are: one row per device location with its count and worst severity rank
-- (0 blue … 3 red), for hexagonal binning. $1..$6 the area, $7 the caller's scope; $10 severities,
-- $11 device types.
SELECT ST_X(d.location) AS lon, ST_Y(d.location) AS lat, count(*)::int AS count,
       max(array_position(enum_range(NULL::alert_severity), al.severity))::int - 1 AS rank
FROM alerts al
JOIN devices d ON d.id = al.device_id
WHERE al.started_at >= $8::timestamptz AND al.started_at < $9::timestamptz
  AND al.asset_id IN (SELECT a.id FROM assets_in_area($1, $2, $3, $4, $5, $6, NULL, $7::text) a)
  AND ($10::alert_severity[] IS NULL OR al.severity = ANY ($10::alert_severity[]))
  AND ($11::text[] IS NULL OR d.type::text = ANY ($11::text[]))
GROUP BY d.location;
