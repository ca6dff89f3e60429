-- Who a bearer token belongs to; nothing when expired or revoked. $1 SHA-256 of the token.
SELECT t.id, 'token:' || t.name AS name, t.name AS display_name, t.role, t.unit_code, t.area_code,
       t.expires_at, t.last_used_at AS last_seen_at, ar.level AS area_level, ar.name AS area_name,
       CASE WHEN ar.code IS NOT NULL THEN area_chain(ar.code) END AS area_chain
FROM api_tokens t
LEFT JOIN areas ar ON ar.code = t.area_code
WHERE t.secret_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now();
