-- Cases filed through Open311 or by citizens (internal alert, patrol and hotline cases are not listed), for
-- GET requests.[format]: by tracking numbers ($1, or NULL for all), categories ($2, or NULL for all), status
-- groups ($3 of 'open' and 'closed', or NULL for both), created in [$4, $5), newest first, $6 at most. The
-- asset's code is the request's address_id; media_url is the link its reporter sent, if any.
SELECT c.id, c.tracking_no, c.state::text AS state, c.category_code, cat.name_zh, c.description, c.address,
       c.created_at, c.updated_at, c.stage_due_at, c.unit_code, u.name AS unit_name, a.code AS asset_code,
       ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
       (SELECT e.comment FROM case_events e WHERE e.case_id = c.id AND e.action IN ('reject', 'close', 'merge')
        ORDER BY e.id DESC LIMIT 1) AS status_notes,
       (SELECT e.data ->> 'mediaUrl' FROM case_events e WHERE e.case_id = c.id AND e.action = 'report'
        ORDER BY e.id LIMIT 1) AS media_url
FROM cases c
JOIN case_categories cat ON cat.code = c.category_code
LEFT JOIN responsible_units u ON u.code = c.unit_code
LEFT JOIN assets a ON a.id = c.asset_id
WHERE c.source IN ('citizen', 'open311')
  AND ($1::text[] IS NULL OR c.tracking_no = ANY ($1::text[]))
  AND ($2::text[] IS NULL OR c.category_code = ANY ($2::text[]))
  AND ($3::text[] IS NULL
       OR (CASE WHEN c.state IN ('closed', 'rejected') THEN 'closed' ELSE 'open' END) = ANY ($3::text[]))
  AND ($4::timestamptz IS NULL OR c.created_at >= $4)
  AND ($5::timestamptz IS NULL OR c.created_at < $5)
ORDER BY c.created_at DESC, c.id DESC
LIMIT $6;
