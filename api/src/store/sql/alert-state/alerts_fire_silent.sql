-- Devices silent for longer than their silence rule allows get an open 'no data' alert (one per rule and
-- device; an open one is left as it is). Uses devices_type; run by the scheduler.
WITH due AS (
  SELECT r.id AS rule_id, d.id AS device_id, d.asset_id, (r.definition ->> 'severity')::alert_severity AS severity,
         d.last_seen_at
  FROM alert_rules r
  JOIN devices d ON d.type = r.device_type
  WHERE r.enabled AND r.kind = 'silence'
    AND (d.last_seen_at IS NULL OR d.last_seen_at < now() - make_interval(secs => (r.definition ->> 'after_s')::int))
    AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.rule_id = r.id AND a.device_id = d.id AND a.cleared_at IS NULL)
), a AS (
  INSERT INTO alerts (rule_id, device_id, asset_id, severity, peak_severity, started_at, updated_at, details)
  SELECT rule_id, device_id, asset_id, severity, severity, now(), now(),
         jsonb_build_object('last_seen_at', last_seen_at)
  FROM due
  ON CONFLICT (rule_id, device_id) WHERE cleared_at IS NULL DO NOTHING
  RETURNING id, severity
)
INSERT INTO alert_events (alert_id, kind, severity, comment)
SELECT id, 'fired', severity, 'no data' FROM a
RETURNING id;
