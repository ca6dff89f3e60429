-- A page of alerts, newest first (keyset on started_at, id). $1..$12 alerts_matching, $13 after started_at,
-- $14 after id, $15 limit.
SELECT al.*, r.code AS rule_code
FROM alerts_matching($1, $2, $3, $4, $5, $6, $7, $8, $9::alert_severity[], $10, $11, $12) al
JOIN alert_rules r ON r.id = al.rule_id
WHERE $13::timestamptz IS NULL OR (al.started_at, al.id) < ($13::timestamptz, $14::bigint)
ORDER BY al.started_at DESC, al.id DESC
LIMIT $15;
