-- Revokes a token (idempotent: a revoked token keeps its first revocation time). $1 token id.
UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
RETURNING id, name, prefix, role, area_code, unit_code, created_by, created_at, expires_at, revoked_at,
          last_used_at;
