-- Street lamps for the big screen's map (tens of thousands of points: 6 decimals ≈ 0.1 m). $1 scope.
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'id', a.code,
  'properties', json_build_object(
    'code', a.code, 'name', a.name, 'districtCode', a.district_code, 'alertSeverity', upper(s.severity::text),
    'status', l.status, 'roadClass', l.road_class),
  'geometry', ST_AsGeoJSON(a.geom, 6)::json) ORDER BY a.id), '[]'::json)) AS collection
FROM assets_in_area('city', NULL, NULL, NULL, NULL, NULL, '{street_lamp}', $1::text) a
JOIN street_lamps l ON l.asset_id = a.id
LEFT JOIN asset_alert_severity s ON s.asset_id = a.id;
