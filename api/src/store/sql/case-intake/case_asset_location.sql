-- Where a case about an asset is: a point on the asset, and its filing. $1 asset code or NULL, $2 asset id or NULL,
-- $3 scope (NULL: the whole city).
SELECT a.id, a.code, a.kind::text AS kind, a.name,
       ST_X(ST_PointOnSurface(a.geom)) AS lon, ST_Y(ST_PointOnSurface(a.geom)) AS lat
FROM assets a
WHERE (a.code = $1 OR a.id = $2)
  AND ($3::text IS NULL OR $3 IN (a.district_code, a.street_code));
