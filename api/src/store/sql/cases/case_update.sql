-- A transition's new case row, only if nobody changed it since `version` ($2) was read.
UPDATE cases SET
  version = version + 1, updated_at = $3, state = $4::case_state, unit_code = $5, stage_started_at = $6,
  stage_due_at = $7, due_at = $8, suspended_from = $9::case_state, suspended_stage_min = $10,
  suspended_due_min = $11, escalation_level = $12, escalated_at = $13, stage_escalated = $14,
  rework_count = $15, extension_pending = $16::jsonb, handled_by = $17, closed_at = $18, merged_into = $19,
  urgency = $20::case_urgency
WHERE id = $1 AND version = $2
RETURNING version;
