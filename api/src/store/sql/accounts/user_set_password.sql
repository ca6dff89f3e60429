-- $1 id, $2 argon2 hash. A new password also lifts a lockout.
UPDATE users
SET password_hash = $2, password_changed_at = now(), failed_logins = 0, locked_until = NULL, updated_at = now()
WHERE id = $1;
