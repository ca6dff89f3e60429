-- $1 int[] responsible unit ids. Uses responsible_units_pkey.
SELECT id, code, name, kind, area_code, phone FROM responsible_units WHERE id = ANY ($1::int[]);
