-- A new MQTT credential; nothing when the username is taken. $1 username, $2 secret hash ($7$), $3 scope,
-- $4 device code, $5 site code, $6 issued by.
INSERT INTO mqtt_credentials (username, secret_hash, scope, device_code, project_code, issued_by)
VALUES ($1, $2, $3::mqtt_credential_scope, $4, $5, $6)
ON CONFLICT (username) DO NOTHING
RETURNING id, username, scope, device_code, project_code, issued_by, issued_at, revoked_at, last_used_at;
