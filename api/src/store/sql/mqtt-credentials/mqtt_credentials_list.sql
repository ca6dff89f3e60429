-- MQTT credentials for admins, newest first, without secret hashes. $1 a device or site code to filter by
-- (NULL: all), $2 include revoked ones, $3 how many.
SELECT id, username, scope, device_code, project_code, issued_by, issued_at, revoked_at, last_used_at
FROM mqtt_credentials
WHERE ($1::text IS NULL OR device_code = $1 OR project_code = $1)
  AND ($2 OR revoked_at IS NULL)
ORDER BY id DESC
LIMIT $3;
