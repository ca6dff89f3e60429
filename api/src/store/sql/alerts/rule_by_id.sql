-- One rule, locked for a change. $1 id.
SELECT id, code, name_zh, name_en, device_type::text AS device_type, kind::text AS kind, definition,
       escalate_after_s, citation, enabled, version, updated_at, updated_by
FROM alert_rules WHERE id = $1 FOR UPDATE;
