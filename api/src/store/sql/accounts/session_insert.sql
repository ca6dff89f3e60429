-- $1 SHA-256 of the secret, $2 user id, $3 idle lifetime in seconds, $4 ip, $5 user agent.
INSERT INTO sessions (secret_hash, user_id, expires_at, ip, user_agent)
VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5)
RETURNING expires_at;
