-- Revokes an MQTT credential (idempotent: it keeps its first revocation time). $1 credential id.
UPDATE mqtt_credentials SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
RETURNING id, username, scope, device_code, project_code, issued_by, issued_at, revoked_at, last_used_at;
