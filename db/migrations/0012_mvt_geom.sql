-- Vector-tile geometry that works on every PostGIS we run on. The embedded PGlite's PostGIS was built without
-- protobuf-c, and there ST_AsMVTGeom fails as ST_AsMVT does. The tile SQL calls mvt_geom(): ST_AsMVTGeom where
-- it works (an inlined wrapper, no cost), else mvt_geom_portable(), the same steps in plain PostGIS: clip to
-- the tile and its buffer, map to tile coordinates (y down), snap to the integer grid, drop what collapses.

CREATE FUNCTION mvt_geom_portable(geom geometry, bounds geometry, extent int, buffer int, clip_geom boolean)
RETURNS geometry LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  WITH box AS (
    SELECT ST_XMin(bounds) AS x0, ST_YMax(bounds) AS y1,
           extent / (ST_XMax(bounds) - ST_XMin(bounds)) AS sx, extent / (ST_YMax(bounds) - ST_YMin(bounds)) AS sy,
           ST_Expand(bounds, buffer * (ST_XMax(bounds) - ST_XMin(bounds)) / extent)::box2d AS clip,
           ST_MakeEnvelope(-buffer, -buffer, extent + buffer, extent + buffer, ST_SRID(geom)) AS tile_clip,
           ST_Dimension(geom) AS dim
  ),
  -- Lines and polygons are clipped in map units, then snapped; points are snapped, then clipped (as PostGIS does).
  clipped AS (
    SELECT CASE WHEN clip_geom AND dim > 0 THEN ST_ClipByBox2D(geom, clip) ELSE geom END AS g, box.*
    FROM box
  ),
  tiled AS (
    SELECT ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(g, sx, 0, 0, -sy, -x0 * sx, y1 * sy), 1)) AS g,
           tile_clip, dim
    FROM clipped
  ),
  cleaned AS (
    SELECT CASE dim
             WHEN 2 THEN ST_ForcePolygonCCW(ST_CollectionExtract(ST_MakeValid(g), 3))
             WHEN 1 THEN ST_CollectionExtract(g, 2)
             ELSE ST_CollectionExtract(CASE WHEN clip_geom THEN ST_Intersection(g, tile_clip) ELSE g END, 1) END AS g
    FROM tiled
  )
  SELECT CASE WHEN ST_IsEmpty(g) THEN NULL
              WHEN GeometryType(g) LIKE 'MULTI%' AND ST_NumGeometries(g) = 1 THEN ST_GeometryN(g, 1)
              ELSE g END
  FROM cleaned
$$;

DO $$
BEGIN
  PERFORM ST_AsMVTGeom(ST_Point(1, 1), ST_MakeEnvelope(0, 0, 4, 4));
  CREATE FUNCTION mvt_geom(geom geometry, bounds geometry, extent int, buffer int, clip_geom boolean)
  RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT ST_AsMVTGeom(geom, bounds::box2d, extent, buffer, clip_geom)';
EXCEPTION WHEN OTHERS THEN
  CREATE FUNCTION mvt_geom(geom geometry, bounds geometry, extent int, buffer int, clip_geom boolean)
  RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS 'SELECT mvt_geom_portable(geom, bounds, extent, buffer, clip_geom)';
END $$;
