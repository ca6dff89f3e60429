-- A page of cases. $1..$8 cases_in_area (area, scope, unit), $9 states, $10 categories, $11 sources,
-- $12 overdue only, $13 unit code, $14 text, $15 now; keyset $16 sort key, $17 id; $18 limit; $19 order:
-- 'due' (soonest stage deadline first, then newest) or 'new' (newest first).
WITH m AS (
  SELECT c.*, ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
         CASE WHEN $19 = 'due' THEN coalesce(extract(epoch FROM c.stage_due_at), 1e12)
              ELSE -extract(epoch FROM c.created_at) END AS sort_key
  FROM cases_in_area($1, $2, $3, $4, $5, $6, $7, $8) c
  WHERE ($9::case_state[] IS NULL OR c.state = ANY ($9::case_state[]))
    AND ($10::text[] IS NULL OR c.category_code = ANY ($10::text[]))
    AND ($11::case_source[] IS NULL OR c.source = ANY ($11::case_source[]))
    AND (NOT $12::boolean OR c.stage_due_at < $15::timestamptz)
    AND ($13::text IS NULL OR c.unit_code = $13)
    AND ($14::text IS NULL OR c.tracking_no = $14 OR c.description ILIKE '%' || $14 || '%'
         OR c.address ILIKE '%' || $14 || '%')
)
SELECT * FROM m
WHERE $16::float8 IS NULL OR (m.sort_key, m.id) > ($16::float8, $17::bigint)
ORDER BY m.sort_key, m.id
LIMIT $18;
