-- Every building with what decides its tile (street, a point on it, height) and a digest of everything a
-- tile carries for it (code, geometry, attributes): a rebuild compares digests and skips unchanged tiles.
SELECT a.id, a.code, coalesce(a.street_code, a.district_code) AS street_code, a.district_code,
       ST_X(p.pt) AS lon, ST_Y(p.pt) AS lat, bd.height_m,
       md5(concat_ws(':', a.code, md5(ST_AsEWKB(a.geom)), bd.height_m, bd.safety_grade, bd.self_built, bd.use,
                     bd.floors)) AS digest
FROM assets a
JOIN buildings bd ON bd.asset_id = a.id
CROSS JOIN LATERAL (SELECT ST_PointOnSurface(a.geom) AS pt) p
WHERE a.kind = 'building';
