-- Construction sites for the big screen's map, with their deep pits. $1 the caller's scope (NULL: city).
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'id', a.code,
  'properties', json_build_object(
    'code', a.code, 'name', a.name, 'districtCode', a.district_code, 'alertSeverity', upper(s.severity::text),
    'stage', c.stage, 'projectName', c.project_name, 'pitDepthM', c.pit_depth_m,
    'pit', ST_AsGeoJSON(c.pit_outline, 6)::json),
  'geometry', ST_AsGeoJSON(a.geom, 6)::json) ORDER BY a.id), '[]'::json)) AS collection
FROM assets_in_area('city', NULL, NULL, NULL, NULL, NULL, '{construction_site}', $1::text) a
JOIN construction_sites c ON c.asset_id = a.id
LEFT JOIN asset_alert_severity s ON s.asset_id = a.id;
