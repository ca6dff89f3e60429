-- Up Migration
-- Who may see and do what: users with a role and an area scope, web sessions, API tokens, the audit log,
-- and the area functions of 0006 again with a scope argument, so every set query is cut to the caller's area.
--
-- Users and tokens name their area and unit by code, without foreign keys: re-seeding the city truncates
-- areas and units, and must not take the accounts with it. The code is checked when written and when used.

CREATE TYPE user_role AS ENUM ('leader', 'duty_officer', 'unit_handler', 'analyst', 'admin', 'api_client');

CREATE TABLE users (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{2,31}$'),
  display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 64),
  role                user_role NOT NULL CHECK (role <> 'api_client'),
  -- NULL: the whole city; else a district or street code.
  area_code           text CHECK (area_code ~ '^[0-9A-Z]{6,16}$'),
  -- The responsible unit a unit handler works for.
  unit_code           text,
  password_hash       text NOT NULL,
  -- Created by `npm start` for the demo city; their passwords are printed at start.
  demo                boolean NOT NULL DEFAULT false,
  disabled            boolean NOT NULL DEFAULT false,
  failed_logins       integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  last_login_at       timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'unit_handler') = (unit_code IS NOT NULL))
);

-- A web session: the cookie carries a random secret, the table only its SHA-256.
CREATE TABLE sessions (
  secret_hash  bytea PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- A bearer token for another system or a script: stored as its SHA-256, with a role, scope and expiry.
CREATE TABLE api_tokens (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  -- The first characters of the token, shown in lists so an operator can tell tokens apart.
  prefix       text NOT NULL,
  secret_hash  bytea NOT NULL UNIQUE,
  role         user_role NOT NULL,
  area_code    text CHECK (area_code ~ '^[0-9A-Z]{6,16}$'),
  unit_code    text,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  last_used_at timestamptz,
  CHECK ((role = 'unit_handler') = (unit_code IS NOT NULL))
);

-- Every mutation and every sign-in: who, what, when, from where, and the state before and after.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_kind  text NOT NULL CHECK (actor_kind IN ('user', 'token', 'cli', 'public', 'system')),
  actor_id    integer,
  actor_name  text NOT NULL,
  action      text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  target_type text,
  target_id   text,
  ip          text,
  user_agent  text,
  before      jsonb,
  after       jsonb,
  detail      jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_kind, actor_name, at DESC);
CREATE INDEX audit_log_action ON audit_log (action, at DESC);

-- Audit entries matching the admin's filter (NULL: any); plain SQL, so it is inlined with the values bound.
CREATE FUNCTION audit_entries(
  actor text, act text, target_kind text, target text, since timestamptz, until timestamptz, result text
) RETURNS SETOF audit_log
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT * FROM audit_log e
  WHERE (actor IS NULL OR e.actor_name = actor)
    AND (act IS NULL OR e.action = act)
    AND (target_kind IS NULL OR e.target_type = target_kind)
    AND (target IS NULL OR e.target_id = target)
    AND (since IS NULL OR e.at >= since)
    AND (until IS NULL OR e.at < until)
    AND (result IS NULL OR e.outcome = result)
$$;

-- The log is append-only.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The codes of an area and its ancestors, itself first (a few index probes on areas_pkey).
CREATE FUNCTION area_chain(area_code text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH RECURSIVE up(code, parent_code, depth) AS (
    SELECT a.code, a.parent_code, 0 FROM areas a WHERE a.code = area_code
    UNION ALL
    SELECT a.code, a.parent_code, up.depth + 1 FROM areas a JOIN up ON a.code = up.parent_code
  )
  SELECT array_agg(code ORDER BY depth) FROM up
$$;

-- Whether an area is visible to a scope: the scope's own area, its ancestors (the chain, passed in once
-- per request) and its descendants. NULL scope: the whole city.
CREATE FUNCTION area_visible(area_code text, scope_code text, scope_chain text[]) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT scope_code IS NULL OR area_code = ANY (scope_chain) OR scope_code = ANY (area_chain(area_code))
$$;

-- The area functions of 0006 with the caller's scope (a district or street code, NULL for the whole city).
-- An asset is in a scope when it is filed under that district or street.
DROP FUNCTION assets_matching(text, text, text, float8, float8, float8, asset_kind[], text, safety_grade[],
                              boolean, integer, integer, risk_grade[], lamp_status[], site_stage[]);
DROP FUNCTION devices_in_area(text, text, text, float8, float8, float8);
DROP FUNCTION assets_in_area(text, text, text, float8, float8, float8, asset_kind[]);

CREATE FUNCTION assets_in_area(
  area_kind text, area_code text, area_geojson text, lon float8, lat float8, radius_m float8, kinds asset_kind[],
  scope text
) RETURNS SETOF assets
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.* FROM assets a
  WHERE (kinds IS NULL OR a.kind = ANY (kinds))
    AND (scope IS NULL OR scope IN (a.district_code, a.street_code))
    AND CASE area_kind
      WHEN 'city' THEN true
      WHEN 'district' THEN a.district_code = area_code
      WHEN 'street' THEN a.street_code = area_code
      WHEN 'community' THEN a.community_code = area_code
      WHEN 'grid' THEN a.grid_code = area_code
      WHEN 'geometry' THEN ST_Intersects(a.geom, ST_SetSRID(ST_GeomFromGeoJSON(area_geojson), 4326))
      WHEN 'circle' THEN ST_DWithin(a.geom::geography, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, radius_m)
    END
$$;

CREATE FUNCTION devices_in_area(
  area_kind text, area_code text, area_geojson text, lon float8, lat float8, radius_m float8, scope text
) RETURNS SETOF devices
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT d.* FROM devices d
  WHERE CASE area_kind
      WHEN 'geometry' THEN ST_Intersects(d.location, ST_SetSRID(ST_GeomFromGeoJSON(area_geojson), 4326))
        AND (scope IS NULL OR EXISTS (SELECT 1 FROM assets a WHERE a.id = d.asset_id
                                                               AND scope IN (a.district_code, a.street_code)))
      WHEN 'circle' THEN d.location && ST_Expand(ST_SetSRID(ST_MakePoint(lon, lat), 4326),
                                                 radius_m * 1.01 / (111320 * cos(radians(lat))), radius_m * 1.01 / 110574)
                     AND ST_DWithin(d.location::geography, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, radius_m)
        AND (scope IS NULL OR EXISTS (SELECT 1 FROM assets a WHERE a.id = d.asset_id
                                                               AND scope IN (a.district_code, a.street_code)))
      ELSE d.asset_id IN (SELECT a.id FROM assets_in_area(area_kind, area_code, NULL, NULL, NULL, NULL, NULL, scope) a)
    END
$$;

CREATE FUNCTION assets_matching(
  area_kind text, area_code text, area_geojson text, lon float8, lat float8, radius_m float8, kinds asset_kind[],
  name_pattern text, safety_grades safety_grade[], self_built boolean, floors_min integer, floors_max integer,
  risk_grades risk_grade[], lamp_statuses lamp_status[], site_stages site_stage[], scope text
) RETURNS SETOF assets
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT a.* FROM assets_in_area(area_kind, area_code, area_geojson, lon, lat, radius_m, kinds, scope) a
  WHERE (name_pattern IS NULL OR a.name ILIKE name_pattern OR a.code ILIKE name_pattern)
    AND ((safety_grades IS NULL AND self_built IS NULL AND floors_min IS NULL AND floors_max IS NULL)
      OR EXISTS (SELECT 1 FROM buildings b WHERE b.asset_id = a.id
                   AND (safety_grades IS NULL OR b.safety_grade = ANY (safety_grades))
                   AND (assets_matching.self_built IS NULL OR b.self_built = assets_matching.self_built)
                   AND (floors_min IS NULL OR b.floors >= floors_min)
                   AND (floors_max IS NULL OR b.floors <= floors_max)))
    AND (risk_grades IS NULL
      OR EXISTS (SELECT 1 FROM slopes s WHERE s.asset_id = a.id AND s.risk_grade = ANY (risk_grades)))
    AND (lamp_statuses IS NULL
      OR EXISTS (SELECT 1 FROM street_lamps l WHERE l.asset_id = a.id AND l.status = ANY (lamp_statuses)))
    AND (site_stages IS NULL
      OR EXISTS (SELECT 1 FROM construction_sites c WHERE c.asset_id = a.id AND c.stage = ANY (site_stages)))
$$;
