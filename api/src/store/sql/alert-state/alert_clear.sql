-- Clears an open alert and records 'cleared'. $1 rule, $2 device, $3 reading time (NULL: now), $4 value,
-- $5 comment, $6 when it is recorded (NULL: now).
WITH a AS (
  UPDATE alerts al SET cleared_at = greatest(al.started_at, coalesce($3::timestamptz, now())), updated_at = coalesce($6::timestamptz, now()),
                       last_ts = coalesce($3::timestamptz, al.last_ts), last_value = coalesce($4::float8, al.last_value)
  WHERE rule_id = $1 AND device_id = $2 AND cleared_at IS NULL
  RETURNING id, severity
)
INSERT INTO alert_events (alert_id, kind, severity, value, comment, at)
SELECT id, 'cleared', severity, $4::float8, $5, coalesce($6::timestamptz, now()) FROM a
RETURNING id;
