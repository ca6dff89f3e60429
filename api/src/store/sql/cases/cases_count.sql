-- How many cases match (the filters of cases_page.sql, $1..$15).
SELECT count(*)::int AS n
FROM cases_in_area($1, $2, $3, $4, $5, $6, $7, $8) c
WHERE ($9::case_state[] IS NULL OR c.state = ANY ($9::case_state[]))
  AND ($10::text[] IS NULL OR c.category_code = ANY ($10::text[]))
  AND ($11::case_source[] IS NULL OR c.source = ANY ($11::case_source[]))
  AND (NOT $12::boolean OR c.stage_due_at < $15::timestamptz)
  AND ($13::text IS NULL OR c.unit_code = $13)
  AND ($14::text IS NULL OR c.tracking_no = $14 OR c.description ILIKE '%' || $14 || '%'
       OR c.address ILIKE '%' || $14 || '%');
