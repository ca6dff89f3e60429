-- Every account in username order, without password hashes. There are hundreds at most.
SELECT id, username, display_name, role, area_code, unit_code, demo, disabled, failed_logins, locked_until,
       last_login_at, password_changed_at, created_at, updated_at
FROM users ORDER BY username;
