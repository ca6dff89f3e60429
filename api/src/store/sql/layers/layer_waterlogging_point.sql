-- Waterlogging points for the big screen's map, with the latest water depth of their gauge. $1 scope.
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'id', a.code,
  'properties', json_build_object(
    'code', a.code, 'name', a.name, 'districtCode', a.district_code, 'alertSeverity', upper(s.severity::text),
    'roadName', w.road_name, 'blueCm', w.blue_cm, 'yellowCm', w.yellow_cm, 'orangeCm', w.orange_cm,
    'redCm', w.red_cm, 'levelCm', lvl.value, 'levelAt', lvl.ts),
  'geometry', ST_AsGeoJSON(a.geom, 6)::json) ORDER BY a.id), '[]'::json)) AS collection
FROM assets_in_area('city', NULL, NULL, NULL, NULL, NULL, '{waterlogging_point}', $1::text) a
JOIN waterlogging_points w ON w.asset_id = a.id
LEFT JOIN asset_alert_severity s ON s.asset_id = a.id
LEFT JOIN LATERAL (
  -- One backward probe of readings_pkey per gauge.
  SELECT r.value, r.ts FROM devices d
  JOIN readings r ON r.device_id = d.id AND r.metric_id = (SELECT id FROM metrics WHERE key = 'water_depth')
  WHERE d.asset_id = a.id AND d.type = 'water_gauge'
  ORDER BY r.ts DESC LIMIT 1
) lvl ON true;
