-- Audit entries newest first (keyset on id). $1 actor name or NULL, $2 action or NULL, $3 target type or NULL,
-- $4 target id or NULL, $5 from or NULL, $6 to (exclusive) or NULL, $7 outcome or NULL, $8 id before which the
-- page starts (NULL for the first page), $9 page size. Uses audit_log_pkey backwards, or the actor/action index.
SELECT id, at, actor_kind, actor_id, actor_name, action, outcome, target_type, target_id, ip, user_agent,
       before, after, detail
FROM audit_log
WHERE ($1::text IS NULL OR actor_name = $1)
  AND ($2::text IS NULL OR action = $2)
  AND ($3::text IS NULL OR target_type = $3)
  AND ($4::text IS NULL OR target_id = $4)
  AND ($5::timestamptz IS NULL OR at >= $5)
  AND ($6::timestamptz IS NULL OR at < $6)
  AND ($7::text IS NULL OR outcome = $7)
  AND ($8::bigint IS NULL OR id < $8)
ORDER BY id DESC
LIMIT $9;
