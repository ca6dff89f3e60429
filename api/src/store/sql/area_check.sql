-- Checks a client polygon before it is used: validity with PostGIS's reason, size, and whether it touches
-- the city. $1 GeoJSON geometry text. The city row comes through areas_level.
WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom)
SELECT ST_IsValid(g.geom) AS valid,
       CASE WHEN NOT ST_IsValid(g.geom) THEN ST_IsValidReason(g.geom) END AS reason,
       ST_Area(g.geom::geography) / 1e6 AS area_km2,
       CASE WHEN ST_IsValid(g.geom) THEN
         EXISTS (SELECT 1 FROM areas c WHERE c.level = 'city' AND ST_Intersects(c.boundary, g.geom))
       END AS in_city
FROM g;
