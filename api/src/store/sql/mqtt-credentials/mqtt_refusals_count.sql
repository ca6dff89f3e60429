-- MQTT refusals since a time, by reason. $1 since.
SELECT reason, count(*)::int AS count, max(received_at) AS last_at
FROM ingest_rejects
WHERE source = 'mqtt' AND reason IN ('UNAUTHENTICATED', 'FORBIDDEN') AND received_at >= $1
GROUP BY reason ORDER BY reason;
