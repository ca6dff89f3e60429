-- What MQTT credentials may publish now (revocation, and the devices of their device or site). $1 int[] ids.
SELECT c.id, c.scope, c.revoked_at IS NOT NULL AS revoked,
       CASE c.scope
         WHEN 'device' THEN ARRAY(SELECT d.code FROM devices d WHERE d.code = c.device_code)
         WHEN 'project' THEN ARRAY(SELECT d.code FROM devices d JOIN assets a ON a.id = d.asset_id
                                   WHERE a.code = c.project_code AND a.kind = 'construction_site')
       END AS devices
FROM mqtt_credentials c
WHERE c.id = ANY ($1::int[]);
