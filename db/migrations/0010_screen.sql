-- Up Migration
-- The big screen: alerts of one asset (the drill-down's history), and the 3D Tiles of the buildings, kept
-- in the database so every API process serves the same tiles and a rebuild touches only changed tiles.

DROP FUNCTION alerts_matching(text, text, text, float8, float8, float8, text, text[], alert_severity[], text[], timestamptz, timestamptz);
-- As before (see 0008), plus asset_code: only alerts on that asset.
CREATE FUNCTION alerts_matching(
  area_kind text, area_code text, area_geojson text, lon float8, lat float8, radius_m float8, scope text,
  states text[], severities alert_severity[], device_types text[], from_ts timestamptz, to_ts timestamptz,
  asset_code text
) RETURNS SETOF alerts
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT al.* FROM alerts al
  JOIN devices d ON d.id = al.device_id
  WHERE al.asset_id IN (SELECT a.id FROM assets_in_area(area_kind, area_code, area_geojson, lon, lat, radius_m, NULL, scope) a)
    AND (asset_code IS NULL OR al.asset_id = (SELECT id FROM assets WHERE code = asset_code))
    AND (states IS NULL OR
         (CASE WHEN al.cleared_at IS NULL THEN 'ACTIVE_' ELSE 'CLEARED_' END ||
          CASE WHEN al.acknowledged_at IS NULL THEN 'UNACKNOWLEDGED' ELSE 'ACKNOWLEDGED' END) = ANY (states))
    AND (severities IS NULL OR al.severity = ANY (severities))
    AND (device_types IS NULL OR d.type::text = ANY (device_types))
    AND (to_ts IS NULL OR al.started_at < to_ts)
    AND (from_ts IS NULL OR al.cleared_at IS NULL OR al.cleared_at >= from_ts)
$$;

-- One row per tile of the buildings tileset. The tree is cut first by street (so an officer's scope is a set
-- of whole subtrees), then by a fixed quadtree whose level holds a band of building heights (tall buildings
-- near the root, low ones in the leaves; see tiles/3d/tile-grid.ts). `source_hash` is a digest of what the
-- tile was built from, so a rebuild recomputes only tiles whose buildings changed.
CREATE TABLE building_tiles (
  street_code  text NOT NULL,    -- or the district code for buildings outside any street
  district_code text NOT NULL,
  level        smallint NOT NULL CHECK (level BETWEEN 0 AND 20),
  x            integer NOT NULL CHECK (x >= 0),
  y            integer NOT NULL CHECK (y >= 0),
  source_hash  text NOT NULL,
  buildings    integer NOT NULL CHECK (buildings > 0),
  -- [west, south, east, north] in degrees of the buildings in it, and their greatest height in metres.
  bounds       float8[] NOT NULL CHECK (cardinality(bounds) = 4),
  max_height_m real NOT NULL,
  content      bytea NOT NULL,   -- a glb, gzip-compressed
  built_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (street_code, level, x, y)
);

-- The last build: a version that changes whenever a tile does (tile URLs and ETags carry it).
CREATE TABLE building_tilesets (
  id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  version    text NOT NULL,
  buildings  integer NOT NULL,
  tiles      integer NOT NULL,
  built_at   timestamptz NOT NULL DEFAULT now()
);
