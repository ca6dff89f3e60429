-- Devices by code, with what ingest checks and rules need: type, asset, area codes and a lamp's road class.
-- $1 text[] device codes.
SELECT d.id, d.code, d.type::text AS type, d.asset_id, a.district_code, a.street_code, l.road_class::text AS road_class
FROM devices d
JOIN assets a ON a.id = d.asset_id
LEFT JOIN street_lamps l ON l.asset_id = d.asset_id
WHERE d.code = ANY ($1::text[]);
