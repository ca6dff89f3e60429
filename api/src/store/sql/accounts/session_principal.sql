-- Who a session cookie belongs to, with the scope's area and chain; nothing when expired or disabled.
-- $1 SHA-256 of the secret. One probe of sessions_pkey, users_pkey and areas_pkey.
SELECT u.id, u.username AS name, u.display_name, u.role, u.unit_code, u.area_code, s.expires_at,
       s.last_seen_at, ar.level AS area_level, ar.name AS area_name,
       CASE WHEN ar.code IS NOT NULL THEN area_chain(ar.code) END AS area_chain
FROM sessions s
JOIN users u ON u.id = s.user_id
LEFT JOIN areas ar ON ar.code = u.area_code
WHERE s.secret_hash = $1 AND s.expires_at > now() AND NOT u.disabled
  -- however much it is used, a session lasts at most 30 days (the cookie's own lifetime)
  AND s.created_at > now() - interval '30 days';
