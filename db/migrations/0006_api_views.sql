-- Up Migration
-- Read shapes and set functions the GraphQL API queries. The functions are plain SQL so the planner inlines
-- them: with the caller's values bound, the CASE on the area kind folds away and the chosen predicate
-- uses its index (assets_geom_gist, assets_geog_gist or the area-code indexes). Tests check the plans.

-- One asset as the API returns it: common columns, GeoJSON geometry and its kind's attributes as jsonb.
CREATE VIEW asset_rows AS
SELECT a.id, a.kind, a.code, a.name, ST_AsGeoJSON(a.geom, 7)::json AS geometry,
       a.district_code, a.street_code, a.community_code, a.grid_code, a.unit_id, a.synthetic, a.updated_at,
       CASE a.kind
         WHEN 'building' THEN (SELECT to_jsonb(x) - 'asset_id' - 'kind' FROM buildings x WHERE x.asset_id = a.id)
         WHEN 'construction_site' THEN
           (SELECT to_jsonb(x) - 'asset_id' - 'kind' - 'pit_outline'
                   || jsonb_build_object('pit_outline', ST_AsGeoJSON(x.pit_outline, 7)::jsonb)
            FROM construction_sites x WHERE x.asset_id = a.id)
         WHEN 'slope' THEN (SELECT to_jsonb(x) - 'asset_id' - 'kind' FROM slopes x WHERE x.asset_id = a.id)
         WHEN 'street_lamp' THEN (SELECT to_jsonb(x) - 'asset_id' - 'kind' FROM street_lamps x WHERE x.asset_id = a.id)
         WHEN 'waterlogging_point' THEN
           (SELECT to_jsonb(x) - 'asset_id' - 'kind' FROM waterlogging_points x WHERE x.asset_id = a.id)
         WHEN 'gas_pipeline' THEN (SELECT to_jsonb(x) - 'asset_id' - 'kind' FROM gas_pipelines x WHERE x.asset_id = a.id)
       END AS attrs
FROM assets a;

-- A device is online when seen within its type's offline threshold (e.g. 3 days for cameras, as Foshan's
-- rules require). One definition for the device list and the area figures.
CREATE FUNCTION device_is_online(last_seen_at timestamptz, offline_after_s integer) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(last_seen_at > now() - make_interval(secs => offline_after_s), false)
$$;

-- One device as the API returns it, with its online state.
CREATE VIEW device_rows AS
SELECT d.id, d.code, d.type, d.asset_id, d.name, ST_X(d.location) AS lon, ST_Y(d.location) AS lat, d.vendor,
       to_char(d.installed_on, 'YYYY-MM-DD') AS installed_on, d.last_seen_at, t.name_zh AS type_name_zh, t.name_en AS type_name_en,
       t.expected_interval_s, t.offline_after_s,
       device_is_online(d.last_seen_at, t.offline_after_s) AS online
FROM devices d
JOIN device_types t ON t.type = d.type;

-- Assets inside an area (the resolved AreaInput), optionally of some kinds.
--   area_kind: 'city' | 'district' | 'street' | 'community' | 'grid' (by the stored area codes, so each
--   asset counts in exactly one area of a level), 'geometry' (ST_Intersects with a GeoJSON polygon) or
--   'circle' (ST_DWithin on geography, radius in metres).
CREATE FUNCTION assets_in_area(
  area_kind text, area_code text, area_geojson text, lon float8, lat float8, radius_m float8, kinds asset_kind[]
) RETURNS SETOF assets
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.* FROM assets a
  WHERE (kinds IS NULL OR a.kind = ANY (kinds))
    AND CASE area_kind
      WHEN 'city' THEN true
      WHEN 'district' THEN a.district_code = area_code
      WHEN 'street' THEN a.street_code = area_code
      WHEN 'community' THEN a.community_code = area_code
      WHEN 'grid' THEN a.grid_code = area_code
      WHEN 'geometry' THEN ST_Intersects(a.geom, ST_SetSRID(ST_GeomFromGeoJSON(area_geojson), 4326))
      WHEN 'circle' THEN ST_DWithin(a.geom::geography, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, radius_m)
    END
$$;

-- Devices in an area: by their own location for drawn shapes (devices_location_gist), by the area codes
-- of the asset they are on for named areas. Same parameters as assets_in_area, without kinds.
CREATE FUNCTION devices_in_area(
  area_kind text, area_code text, area_geojson text, lon float8, lat float8, radius_m float8
) RETURNS SETOF devices
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT d.* FROM devices d
  WHERE CASE area_kind
      WHEN 'geometry' THEN ST_Intersects(d.location, ST_SetSRID(ST_GeomFromGeoJSON(area_geojson), 4326))
      -- The box prefilter (1% wider than the radius in degrees) lets the GiST on location serve a circle.
      WHEN 'circle' THEN d.location && ST_Expand(ST_SetSRID(ST_MakePoint(lon, lat), 4326),
                                                 radius_m * 1.01 / (111320 * cos(radians(lat))), radius_m * 1.01 / 110574)
                     AND ST_DWithin(d.location::geography, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, radius_m)
      ELSE d.asset_id IN (SELECT a.id FROM assets_in_area(area_kind, area_code, NULL, NULL, NULL, NULL, NULL) a)
    END
$$;

-- areaStats reads these building columns for thousands of buildings per call; index-only scans avoid the heap.
CREATE INDEX buildings_stats ON buildings (asset_id) INCLUDE (safety_grade, use, self_built, floor_area_m2);

CREATE INDEX assets_community_code ON assets (community_code);
CREATE INDEX assets_grid_code ON assets (grid_code);

-- Assets matching the API's AssetFilter: an area, kinds, text in the code or name (a LIKE pattern the caller
-- escapes), and key attributes of a kind (which imply that kind).
CREATE FUNCTION assets_matching(
  area_kind text, area_code text, area_geojson text, lon float8, lat float8, radius_m float8, kinds asset_kind[],
  name_pattern text, safety_grades safety_grade[], self_built boolean, floors_min integer, floors_max integer,
  risk_grades risk_grade[], lamp_statuses lamp_status[], site_stages site_stage[]
) RETURNS SETOF assets
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.* FROM assets_in_area(area_kind, area_code, area_geojson, lon, lat, radius_m, kinds) a
  WHERE (name_pattern IS NULL OR a.name ILIKE name_pattern OR a.code ILIKE name_pattern)
    AND ((safety_grades IS NULL AND self_built IS NULL AND floors_min IS NULL AND floors_max IS NULL)
      OR EXISTS (SELECT 1 FROM buildings b WHERE b.asset_id = a.id
                   AND (safety_grades IS NULL OR b.safety_grade = ANY (safety_grades))
                   AND (assets_matching.self_built IS NULL OR b.self_built = assets_matching.self_built)
                   AND (floors_min IS NULL OR b.floors >= floors_min)
                   AND (floors_max IS NULL OR b.floors <= floors_max)))
    AND (risk_grades IS NULL
      OR EXISTS (SELECT 1 FROM slopes s WHERE s.asset_id = a.id AND s.risk_grade = ANY (risk_grades)))
    AND (lamp_statuses IS NULL
      OR EXISTS (SELECT 1 FROM street_lamps l WHERE l.asset_id = a.id AND l.status = ANY (lamp_statuses)))
    AND (site_stages IS NULL
      OR EXISTS (SELECT 1 FROM construction_sites c WHERE c.asset_id = a.id AND c.stage = ANY (site_stages)))
$$;
