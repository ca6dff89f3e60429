-- $1 bigint[] asset_id | $2..$6 text[] project, builder, contractor, supervisor, monitor | $7 text[] stage
-- $8 text[] dangerous works as JSON arrays | $9 real[] pit depth | $10 text[] pit outline GeoJSON
-- $11 date[] started_on | $12 date[] planned_completion
INSERT INTO construction_sites (asset_id, project_name, builder, contractor, supervisor, monitor, stage,
                                dangerous_works, pit_depth_m, pit_outline, started_on, planned_completion)
SELECT id, project, builder, contractor, supervisor, monitor, stage::site_stage,
       ARRAY(SELECT json_array_elements_text(works::json)), pit_depth,
       CASE WHEN pit IS NULL THEN NULL ELSE ST_ForcePolygonCCW(ST_SetSRID(ST_GeomFromGeoJSON(pit), 4326)) END, started, planned
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
            $9::real[], $10::text[], $11::date[], $12::date[])
  AS t (id, project, builder, contractor, supervisor, monitor, stage, works, pit_depth, pit, started, planned);
