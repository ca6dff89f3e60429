-- Alerts at their device (feature id: the alert id): the active ones, or with $8/$9 those raised in
-- [from, to). $1 z, $2 x, $3 y, $4 the caller's scope (NULL: city), $5 district, $6 severities,
-- $7 device types, $8 from, $9 to.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS tile,
         ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326) AS box
),
features AS (
  SELECT al.id, mvt_geom(ST_Transform(d.location, 3857), env.tile, 4096, 64, true) AS geom,
         a.code AS "assetCode", a.district_code AS "districtCode", upper(al.severity::text) AS severity,
         d.type::text AS kind, al.cleared_at IS NULL AS active,
         (extract(epoch FROM al.started_at) * 1000)::float8 AS "startedAt"
  FROM env, devices d
  JOIN alerts al ON al.device_id = d.id
  JOIN assets a ON a.id = al.asset_id
  WHERE d.location && env.box
    AND CASE WHEN $8::timestamptz IS NULL AND $9::timestamptz IS NULL THEN al.cleared_at IS NULL
             ELSE ($8::timestamptz IS NULL OR al.started_at >= $8::timestamptz)
                  AND ($9::timestamptz IS NULL OR al.started_at < $9::timestamptz) END
    AND ($4::text IS NULL OR $4::text IN (a.district_code, a.street_code))
    AND ($5::text IS NULL OR a.district_code = $5::text)
    AND ($6::text[] IS NULL OR al.severity::text = ANY ($6::text[]))
    AND ($7::text[] IS NULL OR d.type::text = ANY ($7::text[]))
)
SELECT ST_AsMVT(features, 'alerts', 4096, 'geom', 'id') AS tile FROM features WHERE geom IS NOT NULL;
