-- Open alerts nobody acknowledged within their rule's escalate_after_s go one step up the chain (1: the
-- district, 2: the city); each step waits the same time again.
WITH a AS (
  UPDATE alerts al SET escalation_level = al.escalation_level + 1, escalated_at = now(), updated_at = now()
  FROM alert_rules r
  WHERE r.id = al.rule_id AND r.escalate_after_s IS NOT NULL
    AND al.cleared_at IS NULL AND al.acknowledged_at IS NULL AND al.escalation_level < 2
    AND coalesce(al.escalated_at, al.created_at) <= now() - make_interval(secs => r.escalate_after_s)
  RETURNING al.id, al.severity, al.escalation_level
)
INSERT INTO alert_events (alert_id, kind, severity, comment)
SELECT id, 'escalated', severity, CASE escalation_level WHEN 1 THEN 'district' ELSE 'city' END FROM a
RETURNING id;
