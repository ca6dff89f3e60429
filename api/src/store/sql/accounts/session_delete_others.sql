-- Ends a user's other sessions (after they change their password). $1 user id, $2 SHA-256 of the session kept,
-- or NULL to end them all.
DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR secret_hash <> $2);
