-- Areas by level and/or parent in code order (keyset). $1 level or NULL, $2 parent code or NULL,
-- $3 code after which the page starts ('' for the first page), $4 page size, $5, $6 the caller's scope and its chain; total counts the whole filter.
-- Uses areas_level / areas_parent_code; there are a few thousand areas at most.
WITH matching AS (
  SELECT code, name, name_en, level, parent_code, synthetic, area_km2
  FROM areas
  WHERE ($1::area_level IS NULL OR level = $1::area_level)
    AND ($2::text IS NULL OR parent_code = $2::text)
    AND area_visible(code, $5::text, $6::text[])
)
-- One row with a NULL code when the page is empty, so the total still arrives.
SELECT p.*, c.total
FROM (SELECT count(*)::int AS total FROM matching) c
LEFT JOIN LATERAL (
  SELECT * FROM matching m WHERE m.code > $3 ORDER BY m.code LIMIT $4
) p ON true;
