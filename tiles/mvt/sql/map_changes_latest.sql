-- The newest map change id (0 when there is none): where a starting tile server begins.
SELECT coalesce(max(id), 0)::float8 AS id FROM map_changes;
