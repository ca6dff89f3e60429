-- What a citizen scanning a QR plate may see: the public code, kind, name, district and street names, and
-- for a building its floors, use and safety grade. No geometry, devices, units or people. $1 code.
SELECT a.code, a.kind, a.name, a.synthetic, d.name AS district_name, s.name AS street_name,
       b.floors, b.use, b.safety_grade
FROM assets a
JOIN areas d ON d.code = a.district_code
LEFT JOIN areas s ON s.code = a.street_code
LEFT JOIN buildings b ON b.asset_id = a.id
WHERE a.code = $1;
