-- Street lamps (feature id: the asset id).
-- $1 z, $2 x, $3 y, $4 the caller's scope (NULL: city), $5 district, $6 statuses.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS tile,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS box
),
features AS (
  SELECT a.id, mvt_geom(ST_Transform(a.geom, 3857), env.tile, 4096, 64, true) AS geom,
         a.code, a.name, a.district_code AS "districtCode", l.status::text AS status, l.road_class::text AS "roadClass"
  FROM env, assets a JOIN street_lamps l ON l.asset_id = a.id
  WHERE a.geom && env.box AND a.kind = 'street_lamp'
    AND ($4::text IS NULL OR $4::text IN (a.district_code, a.street_code))
    AND ($5::text IS NULL OR a.district_code = $5::text)
    AND ($6::text[] IS NULL OR l.status::text = ANY ($6::text[]))
)
SELECT ST_AsMVT(features, 'lamps', 4096, 'geom', 'id') AS tile FROM features WHERE geom IS NOT NULL;
