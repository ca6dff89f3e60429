-- $1 bigint[] asset_id | $2 text[] risk_grade | $3 text[] slope_type | $4 real[] height_m
-- $5 real[] gradient_deg | $6 real[] hazard_buffer_m | $7 text[] protection
INSERT INTO slopes (asset_id, risk_grade, slope_type, height_m, gradient_deg, hazard_buffer_m, protection)
SELECT id, risk::risk_grade, type::slope_type, height, gradient, buffer, protection
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::real[], $5::real[], $6::real[], $7::text[])
  AS t (id, risk, type, height, gradient, buffer, protection);
