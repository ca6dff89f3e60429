-- One case locked for a transition, with its category's evidence rule. $1 id, $2 scope, $3 unit (a handler's).
SELECT c.*, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, cat.requires_evidence, cat.natural_time,
       cat.deadlines
FROM cases c
JOIN case_categories cat ON cat.code = c.category_code
WHERE c.id = $1
  AND ($2::text IS NULL OR $2 IN (c.district_code, c.street_code))
  AND ($3::text IS NULL OR c.unit_code = $3)
FOR UPDATE OF c;
