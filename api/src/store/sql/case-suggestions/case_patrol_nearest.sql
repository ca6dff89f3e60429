-- The nearest patrol officers on duty to a point (KNN on the GiST index), with the distance in metres.
-- $1 lon, $2 lat, $3 how many, $4 scope.
SELECT o.id, o.code, o.name, o.phone, o.district_code, o.street_code,
       ST_Distance(o.location::geography, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography) AS distance_m
FROM patrol_officers o
WHERE o.on_duty AND ($4::text IS NULL OR $4 IN (o.district_code, o.street_code))
ORDER BY o.location <-> ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)
LIMIT $3;
