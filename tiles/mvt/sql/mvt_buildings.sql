-- Building footprints (feature id: the asset id).
-- $1 z, $2 x, $3 y, $4 the caller's scope (NULL: city), $5 district, $6 safety grades, $7 self-built, $8 uses.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS tile,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS box
),
features AS (
  SELECT a.id, mvt_geom(ST_Transform(a.geom, 3857), env.tile, 4096, 64, true) AS geom,
         a.code, a.name, a.district_code AS "districtCode", b.use::text AS use, b.safety_grade::text AS "safetyGrade", b.self_built AS "selfBuilt",
         b.floors::int AS floors, round(b.height_m::numeric, 1)::float8 AS "heightM"
  FROM env, assets a JOIN buildings b ON b.asset_id = a.id
  WHERE a.geom && env.box AND a.kind = 'building'
    AND ($4::text IS NULL OR $4::text IN (a.district_code, a.street_code))
    AND ($5::text IS NULL OR a.district_code = $5::text)
    AND ($6::text[] IS NULL OR b.safety_grade::text = ANY ($6::text[]))
    AND ($7::boolean IS NULL OR b.self_built = $7::boolean)
    AND ($8::text[] IS NULL OR b.use::text = ANY ($8::text[]))
)
SELECT ST_AsMVT(features, 'buildings', 4096, 'geom', 'id') AS tile FROM features WHERE geom IS NOT NULL;
