-- $1 bigint[] asset ids. Uses assets_pkey.
SELECT * FROM asset_rows WHERE id = ANY ($1::bigint[]);
