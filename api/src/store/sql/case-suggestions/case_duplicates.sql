-- Open cases of a category within $4 metres of a point, nearest first: candidates to merge a new report into.
-- $1 lon, $2 lat, $3 category, $4 metres, $5 case to leave out (or NULL), $6 scope.
SELECT c.*, ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
       ST_Distance(c.location::geography, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography) AS distance_m
FROM cases c
WHERE c.category_code = $3
  AND c.state NOT IN ('closed', 'rejected')
  AND ($5::bigint IS NULL OR c.id <> $5)
  AND ($6::text IS NULL OR $6 IN (c.district_code, c.street_code))
  AND ST_DWithin(c.location::geography, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography, $4)
ORDER BY distance_m, c.id
LIMIT 5;
