-- Writes rebuilt tiles. $1 street codes, $2 district codes, $3 levels, $4 x, $5 y, $6 hashes, $7 building
-- counts, $8 bounds as [w, s, e, n] per tile (flattened, 4 per tile), $9 max heights, $10 gzip glb contents.
INSERT INTO building_tiles AS t (street_code, district_code, level, x, y, source_hash, buildings, bounds,
                                 max_height_m, content, built_at)
SELECT u.street_code, u.district_code, u.level, u.x, u.y, u.source_hash, u.buildings,
       ($8::float8[])[4 * u.i - 3 : 4 * u.i], u.max_height_m, u.content, now()
FROM unnest($1::text[], $2::text[], $3::smallint[], $4::int[], $5::int[], $6::text[], $7::int[], $9::real[],
            $10::bytea[]) WITH ORDINALITY
     AS u(street_code, district_code, level, x, y, source_hash, buildings, max_height_m, content, i)
ON CONFLICT (street_code, level, x, y) DO UPDATE
SET district_code = excluded.district_code, source_hash = excluded.source_hash, buildings = excluded.buildings,
    bounds = excluded.bounds, max_height_m = excluded.max_height_m, content = excluded.content,
    built_at = excluded.built_at;
