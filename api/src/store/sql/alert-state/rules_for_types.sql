-- Enabled rules for some device types. $1 text[] device types.
SELECT id, code, device_type::text AS device_type, kind::text AS kind, definition
FROM alert_rules
WHERE enabled AND device_type::text = ANY ($1::text[])
ORDER BY id;
