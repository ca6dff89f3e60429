-- Cases by id within the caller's scope ($2) and unit ($3, a handler's).
SELECT c.*, ST_X(c.location) AS lon, ST_Y(c.location) AS lat
FROM cases c
WHERE c.id = ANY ($1::bigint[])
  AND ($2::text IS NULL OR $2 IN (c.district_code, c.street_code))
  AND ($3::text IS NULL OR c.unit_code = $3);
