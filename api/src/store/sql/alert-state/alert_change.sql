-- Moves an open alert to another severity in place and records 'updated'. $1 rule, $2 device, $3 severity,
-- $4 reading time, $5 value, $6 when it is recorded (NULL: now).
WITH old AS (
  SELECT id, severity FROM alerts WHERE rule_id = $1 AND device_id = $2 AND cleared_at IS NULL FOR UPDATE
), a AS (
  UPDATE alerts al SET severity = $3::alert_severity, peak_severity = greatest(al.peak_severity, $3::alert_severity),
                       updated_at = coalesce($6::timestamptz, now()), last_ts = $4, last_value = $5
  FROM old WHERE al.id = old.id AND al.severity <> $3::alert_severity
  RETURNING al.id, al.severity, old.severity AS previous
)
INSERT INTO alert_events (alert_id, kind, severity, previous_severity, value, at)
SELECT id, 'updated', severity, previous, $5::float8, coalesce($6::timestamptz, now()) FROM a
RETURNING id;
