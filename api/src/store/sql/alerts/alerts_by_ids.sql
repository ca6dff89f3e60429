-- Alerts by id, inside the caller's scope. $1 bigint[], $2 scope.
SELECT al.*, r.code AS rule_code
FROM alerts al
JOIN alert_rules r ON r.id = al.rule_id
JOIN assets a ON a.id = al.asset_id
WHERE al.id = ANY ($1::bigint[]) AND ($2::text IS NULL OR a.district_code = $2 OR a.street_code = $2);
