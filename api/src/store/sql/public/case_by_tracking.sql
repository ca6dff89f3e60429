-- A case as its reporter may follow it: by tracking number, no names or phone numbers.
SELECT c.id, c.tracking_no, c.state::text AS state, c.source::text AS source, c.category_code, cat.name_zh,
       cat.name_en, c.description, c.address, c.created_at, c.updated_at, c.closed_at, c.stage_due_at,
       c.merged_into, ST_X(c.location) AS lon, ST_Y(c.location) AS lat,
       coalesce((SELECT jsonb_agg(jsonb_build_object('at', e.at, 'action', e.action, 'state', e.to_state) ORDER BY e.id)
                 FROM case_events e WHERE e.case_id = c.id AND e.action <> 'supervise'), '[]') AS events
FROM cases c
JOIN case_categories cat ON cat.code = c.category_code
WHERE c.tracking_no = $1;
