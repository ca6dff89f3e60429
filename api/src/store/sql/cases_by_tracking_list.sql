-- Cases filed through Open311 or by citizens (internal alert, patrol and hotline cases are not listed), for
-- GET requests.json: by tracking numbers ($1, or NULL for
-- all), category ($2), state group ($3 'open'|'closed'|NULL), created in [$4, $5), newest first, $6 at most.
SELECT c.id, c.tracking_no, c.state::text AS state, c.category_code, cat.name_zh, c.description, c.address,
       c.created_at, c.updated_at, c.stage_due_at, c.unit_code, u.name AS unit_name,
       ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
       (SELECT e.comment FROM case_events e WHERE e.case_id = c.id AND e.action IN ('reject', 'close', 'merge')
        ORDER BY e.id DESC LIMIT 1) AS status_notes,
       (SELECT e.attachments[1] FROM case_events e WHERE e.case_id = c.id AND cardinality(e.attachments) > 0
        ORDER BY e.id LIMIT 1) AS first_attachment
FROM cases c
JOIN case_categories cat ON cat.code = c.category_code
LEFT JOIN responsible_units u ON u.code = c.unit_code
WHERE c.source IN ('citizen', 'open311')
  AND ($1::text[] IS NULL OR c.tracking_no = ANY ($1::text[]))
  AND ($2::text IS NULL OR c.category_code = $2)
  AND ($3::text IS NULL OR ($3 = 'closed') = (c.state IN ('closed', 'rejected')))
  AND ($4::timestamptz IS NULL OR c.created_at >= $4)
  AND ($5::timestamptz IS NULL OR c.created_at < $5)
ORDER BY c.created_at DESC, c.id DESC
LIMIT $6;
