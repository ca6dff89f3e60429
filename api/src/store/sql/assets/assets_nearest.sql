-- The k assets nearest to a point, in metres. $1 lon, $2 lat, $3 kinds or NULL, $4 k, $5 max metres or NULL,
-- $6 the caller's scope (NULL: the whole city).
-- KNN on assets_geog_gist (geography <-> orders by distance on the sphere, not in degrees); 20 spare
-- candidates absorb the ≤0.5% sphere/spheroid difference before the final order by spheroid distance.
SELECT r.*, n.distance_m
FROM (
  SELECT a.id, ST_Distance(a.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) AS distance_m
  FROM assets a
  WHERE ($3::asset_kind[] IS NULL OR a.kind = ANY ($3::asset_kind[]))
    AND ($6::text IS NULL OR $6::text IN (a.district_code, a.street_code))
    AND ($5::float8 IS NULL
         OR ST_DWithin(a.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $5::float8))
  ORDER BY a.geom::geography <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography
  LIMIT $4 + 20
) n
JOIN asset_rows r ON r.id = n.id
ORDER BY n.distance_m, r.id
LIMIT $4;
