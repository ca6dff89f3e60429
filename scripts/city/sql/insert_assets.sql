-- $1 bigint[] id | $2 text[] kind | $3 text[] code | $4 text[] name | $5 text[] GeoJSON geometry
-- $6 text[] district | $7 text[] street | $8 text[] community | $9 text[] grid | $10 text[] unit code
INSERT INTO assets (id, kind, code, name, geom, district_code, street_code, community_code, grid_code, unit_id)
SELECT t.id, t.kind::asset_kind, t.code, t.name, ST_ForcePolygonCCW(ST_SetSRID(ST_GeomFromGeoJSON(t.g), 4326)),
       t.district, t.street, t.community, t.grid, u.id
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
            $9::text[], $10::text[])
  AS t (id, kind, code, name, g, district, street, community, grid, unit)
LEFT JOIN responsible_units u ON u.code = t.unit;
