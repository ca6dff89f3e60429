-- Records a build. $1 version, $2 buildings, $3 tiles.
INSERT INTO building_tilesets (id, version, buildings, tiles, built_at) VALUES (1, $1, $2, $3, now())
ON CONFLICT (id) DO UPDATE SET version = $1, buildings = $2, tiles = $3, built_at = now();
