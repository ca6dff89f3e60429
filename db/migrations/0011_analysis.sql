-- The analyst workbench: where map data changed, for the vector-tile cache.

-- One row per changing statement and map layer, with the extent of the rows it touched (old and new
-- positions). The vector-tile server (tiles/mvt) reads the rows newer than the last it saw and drops the
-- cached tiles they overlap. Rows older than an hour are pruned by that reader: cached tiles live 10 minutes.
CREATE TABLE map_changes (
  id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  layer text NOT NULL,
  west  float8 NOT NULL,
  south float8 NOT NULL,
  east  float8 NOT NULL,
  north float8 NOT NULL,
  at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX map_changes_at ON map_changes (at);

CREATE FUNCTION map_layer_of(kind asset_kind) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE kind
    WHEN 'building' THEN 'buildings' WHEN 'construction_site' THEN 'sites' WHEN 'slope' THEN 'slopes'
    WHEN 'street_lamp' THEN 'lamps' WHEN 'waterlogging_point' THEN 'waterlogging' WHEN 'gas_pipeline' THEN 'pipelines'
  END
$$;

-- Records the extents per layer of a set of changed geometries.
CREATE FUNCTION map_changes_log(layer text, extent box2d) RETURNS void LANGUAGE sql AS $$
  INSERT INTO map_changes (layer, west, south, east, north)
  SELECT layer, ST_XMin(extent), ST_YMin(extent), ST_XMax(extent), ST_YMax(extent)
  WHERE extent IS NOT NULL AND layer IS NOT NULL
$$;

-- Statement-level triggers with transition tables: a bulk load of 250,000 buildings logs one row.
CREATE FUNCTION map_changes_assets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM map_changes_log(map_layer_of(kind), ST_Extent(geom)) FROM new_rows GROUP BY kind;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM map_changes_log(map_layer_of(kind), ST_Extent(geom)) FROM old_rows GROUP BY kind;
  END IF;
  RETURN NULL;
END $$;

-- The attribute tables of each kind (buildings, street_lamps, …): the layer is the trigger's argument.
CREATE FUNCTION map_changes_asset_details() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM map_changes_log(TG_ARGV[0], (SELECT ST_Extent(a.geom) FROM new_rows r JOIN assets a ON a.id = r.asset_id));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM map_changes_log(TG_ARGV[0], (SELECT ST_Extent(a.geom) FROM old_rows r JOIN assets a ON a.id = r.asset_id));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION map_changes_areas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM map_changes_log('areas', (SELECT ST_Extent(boundary) FROM new_rows));
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM map_changes_log('areas', (SELECT ST_Extent(boundary) FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- An alert is drawn where its device is. Updates that change only the latest reading (last_ts, last_value,
-- several per minute while an alert stays active) change nothing on the map and are not logged.
CREATE FUNCTION map_changes_alerts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM map_changes_log('alerts', (SELECT ST_Extent(d.location) FROM new_rows r JOIN devices d ON d.id = r.device_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM map_changes_log('alerts', (SELECT ST_Extent(d.location) FROM old_rows r JOIN devices d ON d.id = r.device_id));
  ELSE
    PERFORM map_changes_log('alerts', (
      SELECT ST_Extent(d.location)
      FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN devices d ON d.id IN (n.device_id, o.device_id)
      WHERE (n.severity, n.cleared_at, n.acknowledged_at, n.started_at, n.device_id, n.asset_id)
            IS DISTINCT FROM (o.severity, o.cleared_at, o.acknowledged_at, o.started_at, o.device_id, o.asset_id)));
  END IF;
  RETURN NULL;
END $$;

-- Transition tables need one trigger per event.
DO $$
DECLARE
  t record;
  ev text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('assets', 'map_changes_assets', NULL),
      ('areas', 'map_changes_areas', NULL),
      ('alerts', 'map_changes_alerts', NULL),
      ('buildings', 'map_changes_asset_details', 'buildings'),
      ('construction_sites', 'map_changes_asset_details', 'sites'),
      ('slopes', 'map_changes_asset_details', 'slopes'),
      ('street_lamps', 'map_changes_asset_details', 'lamps'),
      ('waterlogging_points', 'map_changes_asset_details', 'waterlogging'),
      ('gas_pipelines', 'map_changes_asset_details', 'pipelines')) AS v(tbl, fn, arg)
  LOOP
    FOREACH ev IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      EXECUTE format(
        'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION %I(%s)',
        t.tbl || '_map_changes_' || ev, upper(ev), t.tbl,
        CASE ev WHEN 'insert' THEN 'NEW TABLE AS new_rows'
                WHEN 'delete' THEN 'OLD TABLE AS old_rows'
                ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
        t.fn, coalesce(quote_literal(t.arg), ''));
    END LOOP;
  END LOOP;
END $$;
