-- $1 token id; without the secret. Locks the row for a change.
SELECT id, name, prefix, role, area_code, unit_code, created_by, created_at, expires_at, revoked_at, last_used_at
FROM api_tokens WHERE id = $1
FOR UPDATE;
