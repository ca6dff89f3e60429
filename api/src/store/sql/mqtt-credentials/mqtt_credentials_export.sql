-- The active MQTT credentials as Mosquitto's password_file and acl_file need them: hash, scope, and the
-- devices of device and site credentials (those that exist now), by username.
SELECT c.username, c.secret_hash, c.scope, coalesce(c.device_code, c.project_code) AS code,
       CASE c.scope
         WHEN 'device' THEN ARRAY(SELECT d.code FROM devices d WHERE d.code = c.device_code)
         WHEN 'project' THEN ARRAY(SELECT d.code FROM devices d JOIN assets a ON a.id = d.asset_id
                                   WHERE a.code = c.project_code AND a.kind = 'construction_site'
                                   ORDER BY d.code)
         ELSE '{}'::text[]
       END AS devices
FROM mqtt_credentials c
WHERE c.revoked_at IS NULL
ORDER BY c.username;
