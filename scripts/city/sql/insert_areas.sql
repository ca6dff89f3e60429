-- $1 text[] code | $2 text[] name | $3 text[] name_en | $4 text[] level | $5 text[] parent_code
-- $6 bool[] synthetic | $7 text[] GeoJSON boundary (lon/lat). Generated rings may touch themselves; made valid here,
-- and wound by the right-hand rule (outer rings counter-clockwise, RFC 7946) as the areas table requires.
INSERT INTO areas (code, name, name_en, level, parent_code, synthetic, boundary, area_km2)
SELECT code, name, name_en, level::area_level, parent_code, synthetic, geom, ST_Area(geom::geography) / 1e6
FROM (
  SELECT code, name, name_en, level, parent_code, synthetic,
         ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)), 3))) AS geom
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[])
    AS t (code, name, name_en, level, parent_code, synthetic, g)
) s
WHERE NOT ST_IsEmpty(geom);
