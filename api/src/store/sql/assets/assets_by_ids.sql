-- $1 bigint[] asset ids, $2 the caller's scope (NULL: the whole city). Uses assets_pkey.
SELECT * FROM asset_rows WHERE id = ANY ($1::bigint[]) AND ($2::text IS NULL OR $2::text IN (district_code, street_code));
