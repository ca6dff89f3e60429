-- Slopes for the big screen's map. $1 the caller's scope (NULL: city).
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'id', a.code,
  'properties', json_build_object(
    'code', a.code, 'name', a.name, 'districtCode', a.district_code, 'alertSeverity', upper(s.severity::text),
    'riskGrade', sl.risk_grade, 'heightM', sl.height_m),
  'geometry', ST_AsGeoJSON(a.geom, 6)::json) ORDER BY a.id), '[]'::json)) AS collection
FROM assets_in_area('city', NULL, NULL, NULL, NULL, NULL, '{slope}', $1::text) a
JOIN slopes sl ON sl.asset_id = a.id
LEFT JOIN asset_alert_severity s ON s.asset_id = a.id;
