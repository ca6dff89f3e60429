-- Opens an alert and records 'fired'. $1 rule, $2 device, $3 severity, $4 metric id (NULL for silence),
-- $5 trigger time (NULL: now), $6 value, $7 details jsonb, $8 when it is recorded (NULL: now; a history replay
-- passes the reading's time).
WITH a AS (
  INSERT INTO alerts (rule_id, device_id, asset_id, severity, peak_severity, started_at, updated_at, metric_id,
                      trigger_ts, trigger_value, last_ts, last_value, details)
  SELECT $1, d.id, d.asset_id, $3::alert_severity, $3::alert_severity, coalesce($5::timestamptz, now()), coalesce($8::timestamptz, now()),
         $4, $5::timestamptz, $6::float8, $5::timestamptz, $6::float8, $7::jsonb
  FROM devices d WHERE d.id = $2
  ON CONFLICT (rule_id, device_id) WHERE cleared_at IS NULL DO NOTHING
  RETURNING id, severity
)
INSERT INTO alert_events (alert_id, kind, severity, value, at)
SELECT id, 'fired', severity, $6::float8, coalesce($8::timestamptz, now()) FROM a
RETURNING id;
