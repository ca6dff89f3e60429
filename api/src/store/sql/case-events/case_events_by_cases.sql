-- The histories of some cases, oldest first.
SELECT e.* FROM case_events e WHERE e.case_id = ANY ($1::bigint[]) ORDER BY e.case_id, e.id;
