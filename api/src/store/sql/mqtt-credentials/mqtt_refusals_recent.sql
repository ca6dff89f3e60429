-- The latest MQTT refusals since a time. $1 since, $2 how many.
SELECT id, received_at, reason, actor, message, item
FROM ingest_rejects
WHERE source = 'mqtt' AND reason IN ('UNAUTHENTICATED', 'FORBIDDEN') AND received_at >= $1
ORDER BY received_at DESC, id DESC
LIMIT $2;
