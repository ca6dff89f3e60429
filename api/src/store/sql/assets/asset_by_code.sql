-- $1 text public code (一栋一码), $2 the caller's scope (NULL: the whole city). Uses the unique index on assets.code.
SELECT * FROM asset_rows WHERE code = $1 AND ($2::text IS NULL OR $2::text IN (district_code, street_code));
