-- Figures for an area. $1..$6 area (see assets_in_area), $7 the caller's scope.
-- Case closure rates count cases due in the 30 days before now.
-- Uses the area's index to select assets once, then index-only scans of buildings_stats; devices come
-- through devices_in_area (devices_location_gist for drawn shapes).
WITH sel AS MATERIALIZED (
  SELECT a.id, a.kind FROM assets_in_area($1, $2, $3, $4, $5, $6, NULL, $7) a
), b AS MATERIALIZED (
  SELECT b.safety_grade, b.use, b.self_built, b.floor_area_m2
  FROM sel JOIN buildings b ON b.asset_id = sel.id
  WHERE sel.kind = 'building'
), d AS MATERIALIZED (
  SELECT device_is_online(d.last_seen_at, t.offline_after_s) AS online
  FROM devices_in_area($1, $2, $3, $4, $5, $6, $7) d JOIN device_types t ON t.type = d.type
)
SELECT
  (SELECT coalesce(jsonb_object_agg(kind, n), '{}') FROM (SELECT kind, count(*) AS n FROM sel GROUP BY kind) k)
    AS by_kind,
  (SELECT coalesce(jsonb_object_agg(safety_grade, n), '{}')
     FROM (SELECT safety_grade, count(*) AS n FROM b GROUP BY safety_grade) g) AS by_safety_grade,
  (SELECT coalesce(jsonb_object_agg(use, n), '{}') FROM (SELECT use, count(*) AS n FROM b GROUP BY use) u)
    AS by_use,
  (SELECT count(*) FILTER (WHERE self_built)::int FROM b) AS self_built,
  (SELECT coalesce(sum(floor_area_m2::float8), 0) FROM b) AS floor_area_m2,
  (SELECT count(*)::int FROM d) AS devices_total,
  (SELECT count(*) FILTER (WHERE online)::int FROM d) AS devices_online,
  (SELECT coalesce(jsonb_object_agg(severity, n), '{}')
     FROM (SELECT al.severity, count(*)::int AS n FROM alerts al JOIN sel ON sel.id = al.asset_id
           WHERE al.cleared_at IS NULL GROUP BY al.severity) s) AS open_alerts_by_severity,
  -- Cases now, and 结案率 / 按期结案率 over the cases due in the last 30 days.
  (SELECT jsonb_build_object(
       'open', count(*) FILTER (WHERE c.state NOT IN ('closed', 'rejected')),
       'overdue', count(*) FILTER (WHERE c.state NOT IN ('closed', 'rejected', 'suspended') AND c.stage_due_at < now()),
       'due', count(*) FILTER (WHERE c.due_at >= now() - interval '30 days' AND c.due_at < now()),
       'closed', count(*) FILTER (WHERE c.due_at >= now() - interval '30 days' AND c.due_at < now() AND c.state = 'closed'),
       'closedOnTime', count(*) FILTER (WHERE c.due_at >= now() - interval '30 days' AND c.due_at < now()
                                          AND c.state = 'closed' AND c.closed_at <= c.due_at))
   FROM cases_in_area($1, $2, $3, $4, $5, $6, $7, NULL) c) AS cases;
