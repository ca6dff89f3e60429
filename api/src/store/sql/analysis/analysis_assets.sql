-- Assets in an area for the analyst's table and exports: sorted by $9 ('code' | 'name' | 'kind' | 'district'
-- | 'street' | 'grade' | 'floors' | 'heightM' | 'alertSeverity') in $10 order ('asc' | 'desc'), then by code;
-- at most $11 rows, each with the total; $12 true adds the geometry as GeoJSON.
-- $1..$6 the area, $7 kinds, $8 the caller's scope.
SELECT count(*) OVER ()::int AS total, a.code, a.name, upper(a.kind::text) AS kind,
       a.district_code, dn.name AS district_name, a.street_code, sn.name AS street_name,
       coalesce(b.safety_grade::text, sl.risk_grade::text, l.status::text, cs.stage::text, g.pressure_class::text) AS grade,
       b.floors::int AS floors, round(b.height_m::numeric, 1)::float8 AS height_m,
       upper(sev.severity::text) AS alert_severity,
       round(ST_X(p.pt)::numeric, 6)::float8 AS lon, round(ST_Y(p.pt)::numeric, 6)::float8 AS lat,
       CASE WHEN $12::boolean THEN ST_AsGeoJSON(a.geom, 6) END AS geometry
FROM assets_in_area($1, $2, $3, $4, $5, $6, $7::asset_kind[], $8::text) a
CROSS JOIN LATERAL (SELECT ST_PointOnSurface(a.geom) AS pt) p
LEFT JOIN buildings b ON b.asset_id = a.id
LEFT JOIN slopes sl ON sl.asset_id = a.id
LEFT JOIN street_lamps l ON l.asset_id = a.id
LEFT JOIN construction_sites cs ON cs.asset_id = a.id
LEFT JOIN gas_pipelines g ON g.asset_id = a.id
LEFT JOIN areas dn ON dn.code = a.district_code
LEFT JOIN areas sn ON sn.code = a.street_code
LEFT JOIN asset_alert_severity sev ON sev.asset_id = a.id
ORDER BY
  CASE WHEN $10::text = 'asc' THEN CASE $9::text WHEN 'code' THEN a.code WHEN 'name' THEN a.name
    WHEN 'kind' THEN a.kind::text WHEN 'district' THEN dn.name WHEN 'street' THEN sn.name
    WHEN 'grade' THEN coalesce(b.safety_grade::text, sl.risk_grade::text, l.status::text, cs.stage::text, g.pressure_class::text) END END ASC NULLS LAST,
  CASE WHEN $10::text = 'desc' THEN CASE $9::text WHEN 'code' THEN a.code WHEN 'name' THEN a.name
    WHEN 'kind' THEN a.kind::text WHEN 'district' THEN dn.name WHEN 'street' THEN sn.name
    WHEN 'grade' THEN coalesce(b.safety_grade::text, sl.risk_grade::text, l.status::text, cs.stage::text, g.pressure_class::text) END END DESC NULLS LAST,
  CASE WHEN $10::text = 'asc' THEN CASE $9::text WHEN 'floors' THEN b.floors::float8 WHEN 'heightM' THEN b.height_m::float8
    WHEN 'alertSeverity' THEN array_position(enum_range(NULL::alert_severity), sev.severity)::float8 END END ASC NULLS LAST,
  CASE WHEN $10::text = 'desc' THEN CASE $9::text WHEN 'floors' THEN b.floors::float8 WHEN 'heightM' THEN b.height_m::float8
    WHEN 'alertSeverity' THEN array_position(enum_range(NULL::alert_severity), sev.severity)::float8 END END DESC NULLS LAST,
  a.code
LIMIT $11;
