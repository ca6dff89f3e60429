-- Pairs (subject, target) closer than a distance, e.g. construction sites within 50 m of gas pipelines.
-- $1..$6 area the subjects lie in (see assets_in_area), $7 subject kinds, $8 target kinds,
-- $9 metres, or NULL to use the hazard buffer of the slope in each pair, $10 offset, $11 page size,
-- $12 the caller's scope: subjects and targets both lie in it.
-- The join probes assets_geog_gist per subject with the largest distance that can apply (an init plan, so
-- the index is usable), then keeps the pairs within their own distance. total counts all pairs.
SELECT s.id AS subject_id, t.id AS target_id,
       round(ST_Distance(s.geom::geography, t.geom::geography)::numeric, 2)::float8 AS distance_m,
       count(*) OVER ()::int AS total
FROM assets_in_area($1, $2, $3, $4, $5, $6, $7::asset_kind[], $12) s
JOIN assets t
  ON t.kind = ANY ($8::asset_kind[]) AND t.id <> s.id
 AND ($12::text IS NULL OR $12::text IN (t.district_code, t.street_code))
 AND ST_DWithin(s.geom::geography, t.geom::geography,
                coalesce($9::float8, (SELECT max(hazard_buffer_m) FROM slopes)))
LEFT JOIN slopes ss ON ss.asset_id = s.id
LEFT JOIN slopes ts ON ts.asset_id = t.id
WHERE $9::float8 IS NOT NULL
   OR ST_DWithin(s.geom::geography, t.geom::geography, coalesce(ss.hazard_buffer_m, ts.hazard_buffer_m))
ORDER BY distance_m, s.id, t.id
OFFSET $10
LIMIT $11;
