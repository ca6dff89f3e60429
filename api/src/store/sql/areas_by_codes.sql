-- $1 text[] area codes. Uses areas_pkey. Boundaries are loaded separately, only when asked for.
SELECT code, name, name_en, level, parent_code, synthetic, area_km2
FROM areas WHERE code = ANY ($1::text[]);
