-- Records stored bytes once per content hash; a second upload of the same file changes nothing.
INSERT INTO attachments (hash, mime, size_bytes, created_by) VALUES ($1, $2, $3, $4)
ON CONFLICT (hash) DO NOTHING;
