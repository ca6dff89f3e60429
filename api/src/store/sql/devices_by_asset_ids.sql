-- $1 bigint[] asset ids. Uses devices_asset_id.
SELECT * FROM device_rows WHERE asset_id = ANY ($1::bigint[]) ORDER BY asset_id, id;
