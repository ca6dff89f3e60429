-- Vector-tile geometry that works on every PostGIS we run on. The embedded PGlite's PostGIS was built without
-- protobuf-c, and there ST_AsMVTGeom fails as ST_AsMVT does. The tile SQL calls mvt_geom(): ST_AsMVTGeom where
-- it works (an inlined wrapper, no cost), else mvt_geom_portable(), the same steps in plain PostGIS: clip to
-- the tile and its buffer, map to tile coordinates (y down), snap to the integer grid, drop what collapses.

-- Cleaning in tile coordinates: polygons made valid (only when they are not: ST_MakeValid is the costly step)
-- and wound as MVT wants, points clipped to the buffered tile after snapping, collapsed shapes dropped.
CREATE FUNCTION mvt_geom_clean(g geometry, dim int, extent int, buffer int, clip_geom boolean)
RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ST_IsEmpty(c) THEN NULL
              WHEN GeometryType(c) LIKE 'MULTI%' AND ST_NumGeometries(c) = 1 THEN ST_GeometryN(c, 1)
              ELSE c END
  FROM (SELECT CASE dim
                 WHEN 2 THEN ST_ForcePolygonCCW(ST_CollectionExtract(
                               CASE WHEN ST_IsValid(g) THEN g ELSE ST_MakeValid(g) END, 3))
                 WHEN 1 THEN ST_CollectionExtract(g, 2)
                 ELSE ST_CollectionExtract(CASE WHEN clip_geom
                   THEN ST_Intersection(g, ST_MakeEnvelope(-buffer, -buffer, extent + buffer, extent + buffer, ST_SRID(g)))
                   ELSE g END, 1) END AS c) s
$$;

-- Lines and polygons are clipped in map units, then mapped to tile coordinates (y down) and snapped.
-- One expression (no CTE), so PostgreSQL inlines it into the tile statement.
CREATE FUNCTION mvt_geom_portable(geom geometry, bounds geometry, extent int, buffer int, clip_geom boolean)
RETURNS geometry LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT mvt_geom_clean(
    ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Affine(
      CASE WHEN clip_geom AND ST_Dimension(geom) > 0
           THEN ST_ClipByBox2D(geom, ST_Expand(bounds, buffer * (ST_XMax(bounds) - ST_XMin(bounds)) / extent)::box2d)
           ELSE geom END,
      extent / (ST_XMax(bounds) - ST_XMin(bounds)), 0, 0, -extent / (ST_YMax(bounds) - ST_YMin(bounds)),
      -ST_XMin(bounds) * extent / (ST_XMax(bounds) - ST_XMin(bounds)),
      ST_YMax(bounds) * extent / (ST_YMax(bounds) - ST_YMin(bounds))), 1)),
    ST_Dimension(geom), extent, buffer, clip_geom)
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
