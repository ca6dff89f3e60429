-- Records that an MQTT credential connected, at most once a minute. $1 credential id.
UPDATE mqtt_credentials SET last_used_at = now()
WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
