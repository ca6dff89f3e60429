-- Places whose register name is one of $1 (the tails of an address_string), with the names of their city,
-- district, street and community, for dispatch/address-match.ts to decide which the address means. Only kinds
-- named like places (buildings, construction sites, slopes, waterlogging points): lamps and pipelines are
-- named after their road. Longest names first, $2 at most.
SELECT a.code, a.name, city.name AS city, d.name AS district, s.name AS street, m.name AS community
FROM assets a
JOIN areas d ON d.code = a.district_code
LEFT JOIN areas city ON city.code = d.parent_code
LEFT JOIN areas s ON s.code = a.street_code
LEFT JOIN areas m ON m.code = a.community_code
WHERE a.name = ANY ($1::text[])
  AND a.kind IN ('building', 'construction_site', 'slope', 'waterlogging_point')
ORDER BY length(a.name) DESC, a.code
LIMIT $2;
