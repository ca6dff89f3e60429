-- $1 bigint[] asset_id | $2 text[] road | $3..$6 real[] blue, yellow, orange, red (cm) | $7 real[] history max
INSERT INTO waterlogging_points (asset_id, road_name, blue_cm, yellow_cm, orange_cm, red_cm, history_max_cm)
SELECT * FROM unnest($1::bigint[], $2::text[], $3::real[], $4::real[], $5::real[], $6::real[], $7::real[]);
