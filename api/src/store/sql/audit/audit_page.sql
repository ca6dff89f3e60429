-- Audit entries newest first (keyset on id). $1 actor name or NULL, $2 action or NULL, $3 target type or NULL,
-- $4 target id or NULL, $5 from or NULL, $6 to (exclusive) or NULL, $7 outcome or NULL, $8 id before which the
-- page starts (NULL for the first page), $9 page size. Uses audit_log_pkey backwards, or the actor/action index.
SELECT id, at, actor_kind, actor_id, actor_name, action, outcome, target_type, target_id, ip, user_agent,
       before, after, detail
FROM audit_entries($1, $2, $3, $4, $5, $6, $7)
WHERE ($8::bigint IS NULL OR id < $8)
ORDER BY id DESC
LIMIT $9;
