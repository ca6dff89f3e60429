-- After a bulk load: identities continue after the loaded ids; assets are clustered on their GiST index
-- (7.3 vs 18 ms for a district aggregate, shared/notes/postgis-performance.md); statistics and the
-- visibility map refreshed (index-only scans on buildings_stats).
SELECT setval(pg_get_serial_sequence('assets', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM assets), false);
SELECT setval(pg_get_serial_sequence('devices', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM devices), false);
SELECT setval(pg_get_serial_sequence('responsible_units', 'id'),
              (SELECT coalesce(max(id), 0) + 1 FROM responsible_units), false);
CLUSTER assets USING assets_geom_gist;
VACUUM ANALYZE;
