-- The events of some alerts, oldest first. $1 bigint[] alert ids.
SELECT id, alert_id, kind::text AS kind, at, severity::text AS severity, previous_severity::text AS previous_severity,
       value, actor, comment
FROM alert_events WHERE alert_id = ANY ($1::bigint[]) ORDER BY alert_id, id;
