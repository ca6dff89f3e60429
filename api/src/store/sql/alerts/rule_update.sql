-- A changed rule; the version check makes two admins' concurrent edits fail one of them. $1 id, $2 version
-- read, $3 name_zh, $4 name_en, $5 definition, $6 escalate_after_s, $7 citation, $8 enabled, $9 updated_by.
UPDATE alert_rules SET name_zh = $3, name_en = $4, definition = $5::jsonb, escalate_after_s = $6, citation = $7,
                       enabled = $8, updated_by = $9, updated_at = now(), version = version + 1
WHERE id = $1 AND version = $2
RETURNING id, code, name_zh, name_en, device_type::text AS device_type, kind::text AS kind, definition,
          escalate_after_s, citation, enabled, version, updated_at, updated_by;
