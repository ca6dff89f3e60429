-- $1 text[] area codes; boundaries as GeoJSON with 6 decimals (about 0.1 m). Uses areas_pkey.
SELECT code, ST_AsGeoJSON(boundary, 6)::json AS boundary FROM areas WHERE code = ANY ($1::text[]);
