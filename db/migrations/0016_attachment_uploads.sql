-- Who uploaded each attachment. Files are kept once per content (attachments, by SHA-256), but two people may
-- upload the same bytes: each is recorded, so each may cite the file in a case step and fetch it. A case
-- step may cite only a file its actor uploaded or can already see (one on a case in their area and unit);
-- knowing a file's hash is not enough (issue 17, item 4).
--
-- The uploader as the audit log names actors: a user or an API token by id (and the name it had), the
-- public forms and the server's own seeding by name only. attachments.created_by stays: the first
-- uploader's name, as before.
CREATE TABLE attachment_uploads (
  hash        text NOT NULL REFERENCES attachments (hash) ON DELETE CASCADE,
  actor_kind  text NOT NULL CHECK (actor_kind IN ('user', 'token', 'cli', 'public', 'system')),
  actor_id    integer,
  actor_name  text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((actor_id IS NOT NULL) = (actor_kind IN ('user', 'token')))
);
-- One row per file and uploader: by id for users and tokens, by name for the others.
CREATE UNIQUE INDEX attachment_uploads_by_id ON attachment_uploads (hash, actor_kind, actor_id)
  WHERE actor_id IS NOT NULL;
CREATE UNIQUE INDEX attachment_uploads_by_name ON attachment_uploads (hash, actor_kind, actor_name)
  WHERE actor_id IS NULL;

-- The first uploader of the files stored so far, from attachments.created_by: a user's username, a token's
-- "token:<name>" (every token of that name, as each could fetch the file until now), the public forms'
-- "citizen" / "open311"; any other name (the demo seeding, a script) as the system.
INSERT INTO attachment_uploads (hash, actor_kind, actor_id, actor_name, uploaded_at)
SELECT a.hash, 'user', u.id, a.created_by, a.created_at
FROM attachments a JOIN users u ON u.username = a.created_by;

INSERT INTO attachment_uploads (hash, actor_kind, actor_id, actor_name, uploaded_at)
SELECT a.hash, 'token', t.id, a.created_by, a.created_at
FROM attachments a JOIN api_tokens t ON 'token:' || t.name = a.created_by;

INSERT INTO attachment_uploads (hash, actor_kind, actor_id, actor_name, uploaded_at)
SELECT a.hash, CASE WHEN a.created_by IN ('citizen', 'open311') THEN 'public' ELSE 'system' END, NULL,
       a.created_by, a.created_at
FROM attachments a
WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = a.created_by)
  AND NOT EXISTS (SELECT 1 FROM api_tokens t WHERE 'token:' || t.name = a.created_by);

-- "Which cases cite this file" (fetching and citing it) by the index rather than a scan of every event.
CREATE INDEX case_events_attachments ON case_events USING gin (attachments);
