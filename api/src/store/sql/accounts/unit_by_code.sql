-- $1 unit code. Uses responsible_units_code_key.
SELECT id, code, name, area_code FROM responsible_units WHERE code = $1;
