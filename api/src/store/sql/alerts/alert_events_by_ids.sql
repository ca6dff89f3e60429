-- Alert events as subscribers receive them, with what filters need: the asset's area codes and the device
-- location. $1 bigint[] event ids.
SELECT e.id, e.kind::text AS kind, e.at, e.severity::text AS severity, e.previous_severity::text AS previous_severity,
       e.value, e.actor, e.comment, e.alert_id, al.rule_id, al.device_id, al.asset_id, d.type::text AS device_type,
       a.district_code, a.street_code, a.community_code, a.grid_code, ST_X(d.location) AS lon, ST_Y(d.location) AS lat
FROM alert_events e
JOIN alerts al ON al.id = e.alert_id
JOIN devices d ON d.id = al.device_id
JOIN assets a ON a.id = al.asset_id
WHERE e.id = ANY ($1::bigint[])
ORDER BY e.id;
