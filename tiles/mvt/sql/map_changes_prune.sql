-- Forgets map changes older than an hour (cached tiles live 10 minutes). Uses map_changes_at.
DELETE FROM map_changes WHERE at < now() - interval '1 hour';
