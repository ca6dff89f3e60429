-- Two patrol officers (巡查员) per street at deterministic points inside it, as the KNN verification pool.
INSERT INTO patrol_officers (code, name, district_code, street_code, phone, location)
SELECT 'P-' || s.code || '-' || p.n, s.name || '巡查员' || p.n, s.parent_code, s.code,
       '1380000' || lpad((row_number() OVER (ORDER BY s.code, p.n))::text, 4, '0'),
       p.geom
FROM areas s
CROSS JOIN LATERAL (
  SELECT row_number() OVER () AS n, (d).geom
  FROM ST_Dump(ST_GeneratePoints(s.boundary, 2, 7)) d
) p
WHERE s.level = 'street'
ORDER BY s.code, p.n;
