-- $1 user id; without the password hash. Locks the row: a change reads the state it replaces.
SELECT id, username, display_name, role, area_code, unit_code, demo, disabled, failed_logins, locked_until,
       last_login_at, password_changed_at, created_at, updated_at
FROM users WHERE id = $1
FOR UPDATE;
