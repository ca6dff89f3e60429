-- $1 username; without the secret hash. Locks the row for a change.
SELECT id, username, scope, device_code, project_code, issued_by, issued_at, revoked_at, last_used_at
FROM mqtt_credentials WHERE username = $1
FOR UPDATE;
