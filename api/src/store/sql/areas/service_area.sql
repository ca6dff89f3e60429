-- The city's bounding box, read once at start for the cheap "outside the city" check.
SELECT ST_XMin(e) AS min_lon, ST_YMin(e) AS min_lat, ST_XMax(e) AS max_lon, ST_YMax(e) AS max_lat
FROM (SELECT ST_Extent(boundary)::geometry AS e FROM areas WHERE level = 'city') x;
