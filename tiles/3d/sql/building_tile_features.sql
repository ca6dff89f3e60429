-- The buildings of the tiles being rebuilt, with their footprints and the attributes the tiles carry. $1 ids.
SELECT a.id, a.code, bd.height_m, bd.safety_grade, bd.self_built, bd.use, bd.floors,
       ST_AsGeoJSON(a.geom, 7) AS footprint
FROM assets a
JOIN buildings bd ON bd.asset_id = a.id
WHERE a.id = ANY ($1::bigint[])
ORDER BY a.id;
