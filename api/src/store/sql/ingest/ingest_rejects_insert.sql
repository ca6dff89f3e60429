-- Dead letters. $1 source, $2 actor, $3 text[] reasons, $4 text[] messages, $5 text[] items.
INSERT INTO ingest_rejects (source, actor, reason, message, item)
SELECT $1, $2, r, m, i FROM unnest($3::text[], $4::text[], $5::text[]) AS x(r, m, i);
