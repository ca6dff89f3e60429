-- $1 text[] parent codes; $2, $3 the caller's scope and its chain. Uses areas_parent_code.
SELECT code, name, name_en, level, parent_code, synthetic, area_km2
FROM areas WHERE parent_code = ANY ($1::text[]) AND area_visible(code, $2::text, $3::text[])
ORDER BY parent_code, code;
