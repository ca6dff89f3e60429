-- What a new credential would be for, if it exists. $1 'device' or 'project', $2 the device's or the
-- construction site's code. One row: the code and how many devices it covers.
SELECT d.code, 1 AS devices FROM devices d WHERE $1 = 'device' AND d.code = $2
UNION ALL
SELECT a.code, (SELECT count(*) FROM devices d WHERE d.asset_id = a.id)::int AS devices
FROM assets a WHERE $1 = 'project' AND a.code = $2 AND a.kind = 'construction_site';
