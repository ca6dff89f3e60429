-- MQTT refusals, kept as dead letters. $1 text[] actors (username, or client:<id> without one), $2 text[]
-- reasons (UNAUTHENTICATED, FORBIDDEN), $3 text[] messages, $4 text[] items (what was refused).
INSERT INTO ingest_rejects (source, actor, reason, message, item)
SELECT 'mqtt', a, r, m, i FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(a, r, m, i);
