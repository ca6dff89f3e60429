-- $1 bigint[] asset_id | $2 text[] pressure | $3 int[] diameter_mm | $4 text[] material | $5 text[] operator
-- $6 real[] buried_depth_m | $7 int[] built_year | $8 real[] length_m
INSERT INTO gas_pipelines (asset_id, pressure_class, diameter_mm, material, operator, buried_depth_m, built_year,
                           length_m)
SELECT id, pressure::gas_pressure, diameter, material, operator, depth, year, len
FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::real[], $7::int[], $8::real[])
  AS t (id, pressure, diameter, material, operator, depth, year, len);
