-- $1 int[] device ids. Uses devices_pkey.
SELECT * FROM device_rows WHERE id = ANY ($1::int[]);
