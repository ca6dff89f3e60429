-- Figures for an area. $1..$6 area (see assets_in_area), $7 the caller's scope.
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
           WHERE al.cleared_at IS NULL GROUP BY al.severity) s) AS open_alerts_by_severity;
