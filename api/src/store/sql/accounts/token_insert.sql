-- $1 name, $2 prefix, $3 SHA-256 of the token, $4 role, $5 area code, $6 unit code, $7 created by,
-- $8 lifetime in days.
INSERT INTO api_tokens (name, prefix, secret_hash, role, area_code, unit_code, created_by, expires_at)
VALUES ($1, $2, $3, $4::user_role, $5, $6, $7, now() + make_interval(days => $8))
RETURNING id, name, prefix, role, area_code, unit_code, created_by, created_at, expires_at, revoked_at,
          last_used_at;
