-- $1 bigint[] asset_id | $2 int[] floors | $3 real[] height_m | $4 text[] use | $5 text[] structure
-- $6 int[] year_built | $7 bool[] self_built | $8 text[] safety_grade | $9 real[] footprint_m2
-- $10 real[] floor_area_m2 | $11 date[] last_inspected_on | $12 text[] hazards as JSON arrays
INSERT INTO buildings (asset_id, floors, height_m, use, structure, year_built, self_built, safety_grade,
                       footprint_m2, floor_area_m2, last_inspected_on, hazards)
SELECT id, floors, height, use::building_use, structure::building_structure, year, self_built,
       grade::safety_grade, footprint, floor_area, inspected,
       ARRAY(SELECT json_array_elements_text(hazards::json))
FROM unnest($1::bigint[], $2::int[], $3::real[], $4::text[], $5::text[], $6::int[], $7::bool[], $8::text[],
            $9::real[], $10::real[], $11::date[], $12::text[])
  AS t (id, floors, height, use, structure, year, self_built, grade, footprint, floor_area, inspected, hazards);
