-- A page of alerts, newest first (keyset on started_at, id). $1..$13 alerts_matching, $14 after started_at,
-- $15 after id, $16 limit.
SELECT al.*, r.code AS rule_code
FROM alerts_matching($1, $2, $3, $4, $5, $6, $7, $8, $9::alert_severity[], $10, $11, $12, $13) al
JOIN alert_rules r ON r.id = al.rule_id
WHERE $14::timestamptz IS NULL OR (al.started_at, al.id) < ($14::timestamptz, $15::bigint)
ORDER BY al.started_at DESC, al.id DESC
LIMIT $16;
