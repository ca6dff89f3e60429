-- Acknowledges an open or cleared alert the caller can see, once. $1 alert id, $2 actor, $3 comment,
-- $4 the caller's scope. Returns nothing when the alert is not visible; acknowledged tells a repeat apart.
WITH target AS (
  SELECT al.id, al.acknowledged_at FROM alerts al JOIN assets a ON a.id = al.asset_id
  WHERE al.id = $1 AND ($4::text IS NULL OR a.district_code = $4 OR a.street_code = $4)
  FOR UPDATE OF al
), a AS (
  UPDATE alerts al SET acknowledged_at = now(), acknowledged_by = $2, ack_comment = $3, updated_at = now()
  FROM target WHERE al.id = target.id AND target.acknowledged_at IS NULL
  RETURNING al.id, al.severity
), e AS (
  INSERT INTO alert_events (alert_id, kind, severity, actor, comment)
  SELECT id, 'acknowledged', severity, $2, $3 FROM a
  RETURNING id
)
SELECT target.id, target.acknowledged_at IS NOT NULL AS already, (SELECT id FROM e) AS event_id FROM target;
