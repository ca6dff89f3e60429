-- Map changes after the last one a tile server saw, oldest first. $1 the last id seen.
SELECT id::float8 AS id, layer, west, south, east, north
FROM map_changes WHERE id > $1::bigint ORDER BY id LIMIT 10000;
