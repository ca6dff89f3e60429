-- $1 code, $2 name_zh, $3 name_en, $4 device type, $5 kind, $6 definition, $7 escalate_after_s, $8 citation,
-- $9 enabled, $10 updated_by. Existing codes are left alone (default packs never overwrite operators' edits).
INSERT INTO alert_rules (code, name_zh, name_en, device_type, kind, definition, escalate_after_s, citation, enabled,
                         updated_by)
VALUES ($1, $2, $3, $4::device_type, $5::alert_rule_kind, $6::jsonb, $7, $8, $9, $10)
ON CONFLICT (code) DO NOTHING
RETURNING id, code, name_zh, name_en, device_type::text AS device_type, kind::text AS kind, definition,
          escalate_after_s, citation, enabled, version, updated_at, updated_by;
