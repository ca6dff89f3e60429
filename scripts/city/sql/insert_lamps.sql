-- $1 bigint[] asset_id | $2 text[] circuit | $3 text[] cabinet | $4 text[] road | $5 text[] road_class
-- $6 text[] lamp_type | $7 int[] power_w | $8 real[] pole_height_m | $9 text[] status
INSERT INTO street_lamps (asset_id, circuit_code, cabinet_code, road_name, road_class, lamp_type, power_w,
                          pole_height_m, status)
SELECT id, circuit, cabinet, road, class::road_class, type, power, pole, status::lamp_status
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::real[],
            $9::text[])
  AS t (id, circuit, cabinet, road, class, type, power, pole, status);
