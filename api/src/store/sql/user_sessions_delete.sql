-- Signs an account out everywhere (after a password change, role change or disabling). $1 user id.
DELETE FROM sessions WHERE user_id = $1;
