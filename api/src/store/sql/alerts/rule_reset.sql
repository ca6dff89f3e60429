-- After a rule's condition changes or it is disabled: its per-device state starts afresh and its open
-- alerts clear (recorded as such). $1 rule id, $2 comment.
WITH s AS (DELETE FROM rule_states WHERE rule_id = $1),
a AS (
  UPDATE alerts SET cleared_at = greatest(started_at, now()), updated_at = now()
  WHERE rule_id = $1 AND cleared_at IS NULL
  RETURNING id, severity
)
INSERT INTO alert_events (alert_id, kind, severity, comment)
SELECT id, 'cleared', severity, $2 FROM a
RETURNING id;
