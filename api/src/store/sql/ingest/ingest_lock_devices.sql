-- Serialises ingest per device: batches touching the same devices take their locks in id order (no
-- deadlocks), so each device's rule state is read and written by one transaction at a time. $1 int[].
SELECT id FROM devices WHERE id = ANY ($1::int[]) ORDER BY id FOR NO KEY UPDATE;
