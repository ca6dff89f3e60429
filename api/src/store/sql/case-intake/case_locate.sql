-- The district, street, community and grid a point lies in. $1 lon, $2 lat.
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g)
SELECT max(code) FILTER (WHERE level = 'district') AS district_code,
       max(code) FILTER (WHERE level = 'street') AS street_code,
       max(code) FILTER (WHERE level = 'community') AS community_code,
       max(code) FILTER (WHERE level = 'grid') AS grid_code
FROM areas, p
WHERE level <> 'city' AND boundary && p.g AND ST_Covers(boundary, p.g);
