-- Units that serve a point, best first: a unit of a kind the category names (in its order), then the
-- smallest service area (a street office before a district bureau). $1 lon, $2 lat, $3 category.
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g),
     cat AS (SELECT unit_kinds FROM case_categories WHERE code = $3)
SELECT u.id, u.code, u.name, u.kind::text AS kind, u.phone,
       array_position(cat.unit_kinds, u.kind) AS rank
FROM responsible_units u, p, cat
WHERE u.service_area && p.g AND ST_Covers(u.service_area, p.g)
  AND u.kind = ANY (cat.unit_kinds)
ORDER BY array_position(cat.unit_kinds, u.kind), ST_Area(u.service_area), u.code
LIMIT 5;
