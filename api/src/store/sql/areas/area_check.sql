-- Checks a client polygon before it is used: validity with PostGIS's reason, size, and whether it touches
-- the city. $1 GeoJSON geometry text. The city row comes through areas_level. Size and placement are measured
-- on a valid polygon only: on an invalid one (a hole larger than its shell) ST_Area fails ("area < 0").
WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom),
v AS (SELECT g.geom, ST_IsValid(g.geom) AS valid FROM g)
SELECT v.valid,
       CASE WHEN NOT v.valid THEN ST_IsValidReason(v.geom) END AS reason,
       CASE WHEN v.valid THEN ST_Area(v.geom::geography) / 1e6 END AS area_km2,
       CASE WHEN v.valid THEN
         EXISTS (SELECT 1 FROM areas c WHERE c.level = 'city' AND ST_Intersects(c.boundary, v.geom))
       END AS in_city
FROM v;
