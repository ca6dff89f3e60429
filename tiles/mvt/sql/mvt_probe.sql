-- Can this PostGIS encode vector tiles? (Not when it was built without protobuf-c, as the embedded one.)
SELECT st_asmvt(t, 'probe') FROM (SELECT ST_Point(1, 1) AS geom) t;
