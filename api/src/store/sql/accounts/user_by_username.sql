-- The account a sign-in names, with its lockout state. $1 username (lower case). Uses users_username_key.
SELECT id, username, password_hash, disabled, failed_logins, locked_until
FROM users WHERE username = $1;
