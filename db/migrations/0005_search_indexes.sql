-- Up Migration
-- Indexes the GraphQL API relies on.
-- Metric distances use geography; a geography cast without its own index is a sequential scan
-- (shared notes: 1.5 s on 260k rows), so the cast expression gets a GiST index for ST_DWithin and KNN.
CREATE INDEX assets_geog_gist ON assets USING gist ((geom::geography));

-- Text search over names and codes ("找一栋楼"): trigram indexes serve ILIKE '%…%'.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX assets_name_trgm ON assets USING gin (name gin_trgm_ops);
CREATE INDEX assets_code_trgm ON assets USING gin (code gin_trgm_ops);
