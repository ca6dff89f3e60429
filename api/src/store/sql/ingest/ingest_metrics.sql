-- Which metrics each device type reports.
SELECT m.id, m.key, t.device_type::text AS device_type
FROM device_type_metrics t JOIN metrics m ON m.id = t.metric_id;
