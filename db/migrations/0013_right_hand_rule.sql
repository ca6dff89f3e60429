-- RFC 7946 §3.1.6: polygons follow the right-hand rule (outer rings counter-clockwise, holes clockwise).
-- Generated areas were stored with either winding and the API emitted them as stored; wind them once and
-- keep every stored polygon that way, so whatever reads a boundary or footprint gets conforming GeoJSON.
UPDATE areas SET boundary = ST_ForcePolygonCCW(boundary) WHERE NOT ST_IsPolygonCCW(boundary);
UPDATE assets SET geom = ST_ForcePolygonCCW(geom) WHERE ST_Dimension(geom) = 2 AND NOT ST_IsPolygonCCW(geom);
UPDATE construction_sites SET pit_outline = ST_ForcePolygonCCW(pit_outline)
WHERE pit_outline IS NOT NULL AND NOT ST_IsPolygonCCW(pit_outline);

ALTER TABLE areas ADD CONSTRAINT areas_boundary_right_hand CHECK (ST_IsPolygonCCW(boundary));
ALTER TABLE assets ADD CONSTRAINT assets_geom_right_hand CHECK (ST_IsPolygonCCW(geom));
ALTER TABLE construction_sites ADD CONSTRAINT construction_sites_pit_right_hand
  CHECK (pit_outline IS NULL OR ST_IsPolygonCCW(pit_outline));
