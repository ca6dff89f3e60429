-- The tiles as last built, without their content.
SELECT street_code, district_code, level, x, y, source_hash, bounds, max_height_m
FROM building_tiles;
