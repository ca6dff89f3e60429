-- $1 text[] parent codes. Uses areas_parent_code.
SELECT code, name, name_en, level, parent_code, synthetic, area_km2
FROM areas WHERE parent_code = ANY ($1::text[])
ORDER BY parent_code, code;
