-- Signs a session out. $1 SHA-256 of the secret. Returns the user it belonged to.
DELETE FROM sessions WHERE secret_hash = $1 RETURNING user_id;
