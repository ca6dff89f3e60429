-- $1 id. Clears the failure count and lock.
UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1;
