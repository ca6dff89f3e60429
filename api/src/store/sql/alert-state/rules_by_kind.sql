-- Enabled rules of one kind. $1 alert_rule_kind.
SELECT id, code, device_type::text AS device_type, kind::text AS kind, definition
FROM alert_rules WHERE enabled AND kind = $1::alert_rule_kind ORDER BY id;
