-- Drops tiles that no longer hold any building. $1 street codes, $2 levels, $3 x, $4 y.
DELETE FROM building_tiles t
USING unnest($1::text[], $2::smallint[], $3::int[], $4::int[]) AS d(street_code, level, x, y)
WHERE (t.street_code, t.level, t.x, t.y) = (d.street_code, d.level, d.x, d.y);
