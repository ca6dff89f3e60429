-- $1 int[] id | $2 text[] code | $3 text[] name | $4 text[] kind | $5 text[] area_code | $6 text[] phone
-- A unit serves the whole of its area.
INSERT INTO responsible_units (id, code, name, kind, area_code, phone, service_area)
SELECT t.id, t.code, t.name, t.kind::unit_kind, t.area_code, t.phone, a.boundary
FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
  AS t (id, code, name, kind, area_code, phone)
JOIN areas a ON a.code = t.area_code;
