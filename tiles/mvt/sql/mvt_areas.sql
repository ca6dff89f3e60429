-- Area boundaries of one level, clipped to the tile before projecting (districts are large).
-- $1 z, $2 x, $3 y, $4 the caller's scope (NULL: city): areas within it; $5 level (default district),
-- $6 parent code.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS tile,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS box
),
features AS (
  SELECT mvt_geom(ST_Transform(ST_ClipByBox2D(ar.boundary, env.box), 3857), env.tile, 4096, 64, true) AS geom,
         ar.code, ar.name, ar.level::text AS level, ar.parent_code AS "parentCode"
  FROM env, areas ar
  WHERE ar.boundary && env.box AND ar.level::text = coalesce($5::text, 'district')
    AND ($4::text IS NULL OR $4::text = ANY (area_chain(ar.code)))
    AND ($6::text IS NULL OR ar.parent_code = $6::text)
)
SELECT ST_AsMVT(features, 'areas', 4096, 'geom') AS tile FROM features WHERE geom IS NOT NULL;
