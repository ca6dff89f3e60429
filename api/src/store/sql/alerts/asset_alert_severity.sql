-- Worst open alert severity of some assets. $1 bigint[] asset ids.
SELECT asset_id, severity::text AS severity, open_alerts FROM asset_alert_severity WHERE asset_id = ANY ($1::bigint[]);
