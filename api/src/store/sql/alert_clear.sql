-- Clears an open alert and records 'cleared'. $1 rule, $2 device, $3 reading time (NULL: now), $4 value,
-- $5 comment.
WITH a AS (
  UPDATE alerts al SET cleared_at = greatest(al.started_at, coalesce($3::timestamptz, now())), updated_at = now(),
                       last_ts = coalesce($3::timestamptz, al.last_ts), last_value = coalesce($4::float8, al.last_value)
  WHERE rule_id = $1 AND device_id = $2 AND cleared_at IS NULL
  RETURNING id, severity
)
INSERT INTO alert_events (alert_id, kind, severity, value, comment)
SELECT id, 'cleared', severity, $4::float8, $5 FROM a
RETURNING id;
