-- $1 text area level, $2, $3 the caller's scope and its chain (areas and counts are cut to it). Uses areas_level; building counts use assets_district_code / assets_street_code.
-- One FeatureCollection, built in SQL so geometry never passes through JS as anything but GeoJSON text.
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(json_build_object(
    'type', 'Feature',
    'id', a.code,
    'properties', json_build_object(
      'code', a.code, 'name', a.name, 'nameEn', a.name_en, 'level', a.level, 'parentCode', a.parent_code,
      'synthetic', a.synthetic, 'areaKm2', round(a.area_km2::numeric, 1),
      'buildings', (SELECT count(*) FROM assets x
                    WHERE x.kind = 'building' AND (x.district_code = a.code OR x.street_code = a.code)
                      AND ($2::text IS NULL OR $2::text IN (x.district_code, x.street_code)))),
    'geometry', ST_AsGeoJSON(a.boundary, 6)::json) ORDER BY a.code), '[]'::json)
) AS collection
FROM areas a
WHERE a.level = $1::area_level AND area_visible(a.code, $2::text, $3::text[]);
