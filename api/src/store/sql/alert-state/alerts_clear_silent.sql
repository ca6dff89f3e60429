-- Devices that reported again: their open 'no data' alerts clear. $1 int[] device ids.
WITH a AS (
  UPDATE alerts al SET cleared_at = greatest(al.started_at, now()), updated_at = now()
  FROM alert_rules r
  WHERE r.id = al.rule_id AND r.kind = 'silence' AND al.cleared_at IS NULL AND al.device_id = ANY ($1::int[])
  RETURNING al.id, al.severity
)
INSERT INTO alert_events (alert_id, kind, severity, comment)
SELECT id, 'cleared', severity, 'data received again' FROM a
RETURNING id;
