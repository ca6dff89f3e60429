-- $1 text[] area codes; $2, $3 the caller's scope and its chain (see area_visible). Uses areas_pkey. Boundaries are loaded separately, only when asked for.
SELECT code, name, name_en, level, parent_code, synthetic, area_km2
FROM areas WHERE code = ANY ($1::text[]) AND area_visible(code, $2::text, $3::text[]);
