-- Case KPIs per group for a period [$9, $10). $1..$8 cases_in_area (area, scope, unit); $11 group by
-- ('district' | 'street' | 'grid' | 'unit' | 'all'); $12 now (for what is overdue now).
--   due: cases whose deadline falls in the period; closed / closedOnTime of those (结案率, 按期结案率);
--   handled / reworked of those (返工率); reported: created in the period; open / overdue: now;
--   stage minutes: average time spent in each state, for state changes in the period.
WITH keyed AS (
  SELECT c.id, c.state, c.created_at, c.due_at, c.closed_at, c.stage_due_at, c.rework_count, c.handled_by,
         CASE $11::text WHEN 'district' THEN c.district_code WHEN 'street' THEN c.street_code
                        WHEN 'grid' THEN c.grid_code WHEN 'unit' THEN c.unit_code ELSE 'all' END AS key
  FROM cases_in_area($1, $2, $3, $4, $5, $6, $7, $8) c
),
figures AS (
  SELECT key,
         count(*) FILTER (WHERE due_at >= $9 AND due_at < $10)::int AS due,
         count(*) FILTER (WHERE due_at >= $9 AND due_at < $10 AND state = 'closed')::int AS closed,
         count(*) FILTER (WHERE due_at >= $9 AND due_at < $10 AND state = 'closed' AND closed_at <= due_at)::int
           AS closed_on_time,
         count(*) FILTER (WHERE due_at >= $9 AND due_at < $10 AND handled_by IS NOT NULL)::int AS handled,
         count(*) FILTER (WHERE due_at >= $9 AND due_at < $10 AND rework_count > 0)::int AS reworked,
         count(*) FILTER (WHERE created_at >= $9 AND created_at < $10)::int AS reported,
         count(*) FILTER (WHERE state NOT IN ('closed', 'rejected'))::int AS open,
         count(*) FILTER (WHERE state NOT IN ('closed', 'rejected', 'suspended') AND stage_due_at < $12)::int AS overdue
  FROM keyed
  GROUP BY key
),
changes AS (
  SELECT e.case_id, e.at, e.from_state, lag(e.at) OVER (PARTITION BY e.case_id ORDER BY e.id) AS entered_at
  FROM case_events e
  WHERE e.case_id IN (SELECT id FROM keyed) AND e.from_state IS DISTINCT FROM e.to_state
),
stage_avg AS (
  SELECT x.key, jsonb_object_agg(x.state, round(x.minutes::numeric, 1)) AS stage_minutes
  FROM (
    SELECT k.key, ch.from_state::text AS state, avg(extract(epoch FROM ch.at - ch.entered_at) / 60) AS minutes
    FROM changes ch JOIN keyed k ON k.id = ch.case_id
    WHERE ch.entered_at IS NOT NULL AND ch.at >= $9 AND ch.at < $10
    GROUP BY k.key, ch.from_state
  ) x
  GROUP BY x.key
)
SELECT f.key, coalesce(a.name, u.name) AS name, f.due, f.closed, f.closed_on_time, f.handled, f.reworked,
       f.reported, f.open, f.overdue, coalesce(s.stage_minutes, '{}') AS stage_minutes
FROM figures f
LEFT JOIN stage_avg s ON s.key IS NOT DISTINCT FROM f.key
LEFT JOIN areas a ON a.code = f.key AND $11::text IN ('district', 'street', 'grid')
LEFT JOIN responsible_units u ON u.code = f.key AND $11::text = 'unit'
ORDER BY f.key NULLS LAST;
