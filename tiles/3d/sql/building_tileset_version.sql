-- The current build's version (NULL when nothing was built yet).
SELECT version, buildings, tiles, built_at FROM building_tilesets WHERE id = 1;
