-- Records stored bytes once per content hash ($1), and who uploaded them once per uploader: $5 the actor
-- kind, $6 the user's or token's id (null for the others), $4 the name. A second upload of the same file by
-- someone else adds them as an uploader; by the same uploader it changes nothing.
WITH stored AS (
  INSERT INTO attachments (hash, mime, size_bytes, created_by) VALUES ($1, $2, $3, $4)
  ON CONFLICT (hash) DO NOTHING
)
INSERT INTO attachment_uploads (hash, actor_kind, actor_id, actor_name) VALUES ($1, $5, $6::integer, $4)
ON CONFLICT DO NOTHING;
