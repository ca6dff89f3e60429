-- Responsible units by code.
SELECT id, code, name, kind::text AS kind, area_code, phone FROM responsible_units WHERE code = ANY ($1::text[]);
