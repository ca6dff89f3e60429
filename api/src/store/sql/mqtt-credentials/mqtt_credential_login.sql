-- An MQTT client's credential by username, with the devices it publishes for (device and project scopes:
-- those that exist now; all_devices and ingest: NULL). $1 username.
SELECT c.id, c.secret_hash, c.scope, c.revoked_at IS NOT NULL AS revoked,
       CASE c.scope
         WHEN 'device' THEN ARRAY(SELECT d.code FROM devices d WHERE d.code = c.device_code)
         WHEN 'project' THEN ARRAY(SELECT d.code FROM devices d JOIN assets a ON a.id = d.asset_id
                                   WHERE a.code = c.project_code AND a.kind = 'construction_site')
       END AS devices
FROM mqtt_credentials c
WHERE c.username = $1;
