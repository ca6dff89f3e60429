-- Replaces an account's profile. $1 id, $2 display name, $3 role, $4 area code, $5 unit code, $6 disabled.
UPDATE users
SET display_name = $2, role = $3::user_role, area_code = $4, unit_code = $5, disabled = $6, updated_at = now()
WHERE id = $1
RETURNING id, username, display_name, role, area_code, unit_code, demo, disabled, failed_logins, locked_until,
          last_login_at, password_changed_at, created_at, updated_at;
