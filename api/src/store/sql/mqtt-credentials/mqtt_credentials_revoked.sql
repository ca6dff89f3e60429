-- Which of these MQTT credentials are revoked (polled every few seconds for the connected ones). $1 int[] ids.
SELECT id FROM mqtt_credentials WHERE id = ANY ($1::int[]) AND revoked_at IS NOT NULL;
