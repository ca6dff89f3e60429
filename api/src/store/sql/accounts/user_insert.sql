-- $1 username, $2 display name, $3 role, $4 area code, $5 unit code, $6 argon2 hash, $7 demo.
INSERT INTO users (username, display_name, role, area_code, unit_code, password_hash, demo)
VALUES ($1, $2, $3::user_role, $4, $5, $6, $7)
ON CONFLICT (username) DO NOTHING
RETURNING id, username, display_name, role, area_code, unit_code, demo, disabled, failed_logins, locked_until,
          last_login_at, password_changed_at, created_at, updated_at;
