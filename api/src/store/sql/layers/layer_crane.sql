-- Tower cranes (the crane monitors on construction sites) for the big screen's map. $1 scope.
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'id', d.code,
  'properties', json_build_object(
    'code', d.code, 'name', d.name, 'districtCode', a.district_code, 'alertSeverity', upper(s.severity::text),
    'siteCode', a.code,
    'online', device_is_online(d.last_seen_at, t.offline_after_s)),
  'geometry', ST_AsGeoJSON(d.location, 6)::json) ORDER BY d.id), '[]'::json)) AS collection
FROM assets_in_area('city', NULL, NULL, NULL, NULL, NULL, '{construction_site}', $1::text) a
JOIN devices d ON d.asset_id = a.id AND d.type = 'crane_monitor'
JOIN device_types t ON t.type = d.type
LEFT JOIN asset_alert_severity s ON s.asset_id = a.id;
