-- $1 bigint[] asset ids, $2 the caller's scope. Uses devices_asset_id.
SELECT * FROM device_rows WHERE asset_id = ANY ($1::bigint[])
  AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM assets a WHERE a.id = asset_id AND $2::text IN (a.district_code, a.street_code)))
ORDER BY asset_id, id;
