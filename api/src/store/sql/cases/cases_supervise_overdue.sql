-- Cases whose stage deadline has passed and that were not yet urged (督办) in this stage: mark them, one
-- level up. $1 now. Returns what the events need.
UPDATE cases c SET stage_escalated = true, escalation_level = c.escalation_level + 1, escalated_at = $1
WHERE c.id IN (
  SELECT id FROM cases
  WHERE stage_due_at < $1 AND NOT stage_escalated AND state NOT IN ('closed', 'rejected', 'suspended')
  ORDER BY stage_due_at
  LIMIT 500
  FOR UPDATE SKIP LOCKED
)
RETURNING c.id, c.state::text AS state, c.escalation_level, c.stage_due_at;
