-- Every token, newest first, without secrets. There are tens, not thousands.
SELECT id, name, prefix, role, area_code, unit_code, created_by, created_at, expires_at, revoked_at, last_used_at
FROM api_tokens ORDER BY id DESC;
