-- Slides a session's idle expiry. $1 SHA-256 of the secret, $2 idle lifetime in seconds.
UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(secs => $2)
WHERE secret_hash = $1 AND expires_at > now();
