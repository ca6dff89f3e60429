-- Up Migration
-- PostGIS is required; a database without it fails here with a message the migrate command translates.
CREATE EXTENSION IF NOT EXISTS postgis;
