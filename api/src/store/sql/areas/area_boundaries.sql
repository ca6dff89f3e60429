-- $1 text[] area codes, $2, $3 the caller's scope and its chain; boundaries as GeoJSON with 6 decimals (about 0.1 m). Uses areas_pkey.
SELECT code, ST_AsGeoJSON(boundary, 6)::json AS boundary FROM areas WHERE code = ANY ($1::text[]) AND area_visible(code, $2::text, $3::text[]);
