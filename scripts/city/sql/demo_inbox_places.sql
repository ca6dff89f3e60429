-- Places for the demo cases of one unit's inbox: assets inside the unit's service area, each with a category
-- open to citizens that fits both the asset's kind and the unit's kind (the most specific first), in an order
-- fixed by the seed. $1 unit code, $2 seed, $3 how many.
WITH u AS (SELECT kind, service_area FROM responsible_units WHERE code = $1),
     fit AS (
       SELECT c.code, c.name_zh, k.kind, cardinality(c.asset_kinds) AS breadth
       FROM case_categories c
       CROSS JOIN u
       CROSS JOIN LATERAL unnest(c.asset_kinds) AS k(kind)
       WHERE c.citizen AND u.kind = ANY (c.unit_kinds)
     )
SELECT a.code, pick.code AS category_code, pick.name_zh AS category_name
FROM u
JOIN assets a ON a.geom && u.service_area AND ST_Covers(u.service_area, ST_PointOnSurface(a.geom))
CROSS JOIN LATERAL (
  SELECT fit.code, fit.name_zh FROM fit WHERE fit.kind = a.kind
  ORDER BY fit.breadth, md5(fit.code || a.code)
  LIMIT 1
) pick
WHERE a.kind IN (SELECT kind FROM fit)
ORDER BY md5(a.code || $2::text)
LIMIT $3;
