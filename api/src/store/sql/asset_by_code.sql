-- $1 text public code (一栋一码). Uses the unique index on assets.code.
SELECT * FROM asset_rows WHERE code = $1;
