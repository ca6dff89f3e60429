-- One tile's gzip glb and the hash it was built from. $1 street code, $2 level, $3 x, $4 y.
SELECT district_code, source_hash, content FROM building_tiles
WHERE street_code = $1 AND level = $2 AND x = $3 AND y = $4;
