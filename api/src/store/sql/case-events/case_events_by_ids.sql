-- Case events as live subscribers get them, with what their filters need.
SELECT e.*, c.tracking_no, c.state AS case_state, c.category_code, c.district_code, c.street_code,
       c.community_code, c.grid_code, c.unit_code, c.escalation_level, ST_X(c.location) AS lon, ST_Y(c.location) AS lat
FROM case_events e
JOIN cases c ON c.id = e.case_id
WHERE e.id = ANY ($1::bigint[])
ORDER BY e.id;
