-- An alert as the source of a case: where, what, and whether an open case already follows it.
-- $1 alert id, $2 scope.
SELECT al.id, al.asset_id, al.severity::text AS severity, al.trigger_value, al.trigger_ts, al.started_at,
       al.cleared_at, d.code AS device_code, d.type::text AS device_type, d.name AS device_name,
       ST_X(d.location) AS lon, ST_Y(d.location) AS lat, r.code AS rule_code, r.name_zh AS rule_name,
       a.code AS asset_code, a.name AS asset_name,
       (SELECT c.tracking_no FROM cases c WHERE c.alert_id = al.id AND c.state NOT IN ('closed', 'rejected')
        ORDER BY c.id LIMIT 1) AS open_case
FROM alerts al
JOIN devices d ON d.id = al.device_id
JOIN alert_rules r ON r.id = al.rule_id
JOIN assets a ON a.id = al.asset_id
WHERE al.id = $1 AND ($2::text IS NULL OR $2 IN (a.district_code, a.street_code));
