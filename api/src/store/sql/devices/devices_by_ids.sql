-- $1 int[] device ids, $2 the caller's scope (the device's asset lies in it). Uses devices_pkey.
SELECT * FROM device_rows WHERE id = ANY ($1::int[])
  AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM assets a WHERE a.id = asset_id AND $2::text IN (a.district_code, a.street_code)));
