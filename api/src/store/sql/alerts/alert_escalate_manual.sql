-- An officer escalates an active alert the caller can see one level up the chain (1 district, 2 city).
-- $1 alert id, $2 actor, $3 comment, $4 scope. level_before tells "already at the city" apart.
WITH target AS (
  SELECT al.id, al.escalation_level, al.cleared_at FROM alerts al JOIN assets a ON a.id = al.asset_id
  WHERE al.id = $1 AND ($4::text IS NULL OR a.district_code = $4 OR a.street_code = $4)
  FOR UPDATE OF al
), u AS (
  UPDATE alerts al SET escalation_level = al.escalation_level + 1, escalated_at = now(), updated_at = now()
  FROM target WHERE al.id = target.id AND target.cleared_at IS NULL AND target.escalation_level < 2
  RETURNING al.id, al.severity
), e AS (
  INSERT INTO alert_events (alert_id, kind, severity, actor, comment)
  SELECT id, 'escalated', severity, $2, $3 FROM u
  RETURNING id
)
SELECT target.id, target.escalation_level AS level_before, target.cleared_at IS NOT NULL AS cleared,
       (SELECT id FROM e) AS event_id
FROM target;
