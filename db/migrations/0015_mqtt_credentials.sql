-- Up Migration
-- Credentials for MQTT clients (devices, gateways, the ingest subscriber of an external broker). A credential
-- is a username and a random secret, kept only as Mosquitto's PBKDF2-SHA512 hash ($7$, what mosquitto_passwd
-- writes), so the same rows serve the embedded broker and, exported, a Mosquitto password_file. Its scope
-- says which topics it may use:
--   device       publish the readings of one device (<prefix>/<code>, <prefix>/<code>/<metric>)
--   project      publish the readings of every device of one construction site (项目), by the site's code
--   all_devices  publish the readings of any device (a gateway, the simulator)
--   ingest       read every reading (the API's subscriber to an external broker); publish nothing
-- Devices and sites are named by code, without foreign keys, as accounts name their areas: re-seeding the city
-- replaces the devices and must not take the credentials with it. The code is checked when written and when
-- used (a device that is gone owns no topic). Credentials are revoked, never deleted.

CREATE TYPE mqtt_credential_scope AS ENUM ('device', 'project', 'all_devices', 'ingest');

CREATE TABLE mqtt_credentials (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Also a Mosquitto username: no ':' (the password_file separator), no spaces, no '%' or '+' or '#'.
  username     text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{2,63}$'),
  secret_hash  text NOT NULL CHECK (secret_hash ~ '^\$7\$[1-9][0-9]{0,8}\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$'),
  scope        mqtt_credential_scope NOT NULL,
  device_code  text CHECK (device_code ~ '^DV-[0-9A-Z]{6,16}-[0-9]{4,8}$'),
  project_code text CHECK (project_code ~ '^[A-Z]{2}-[0-9A-Z]{6,16}-[0-9]{4,8}$'),
  issued_by    text NOT NULL,
  issued_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz,
  CHECK ((scope = 'device') = (device_code IS NOT NULL)),
  CHECK ((scope = 'project') = (project_code IS NOT NULL))
);
CREATE INDEX mqtt_credentials_device_code ON mqtt_credentials (device_code) WHERE device_code IS NOT NULL;
CREATE INDEX mqtt_credentials_project_code ON mqtt_credentials (project_code) WHERE project_code IS NOT NULL;

-- MQTT refusals (a client that did not authenticate, or published or subscribed outside its scope) are kept
-- in ingest_rejects with source 'mqtt' and reason UNAUTHENTICATED or FORBIDDEN; this index serves the admins'
-- count of them (mqttRefusals).
CREATE INDEX ingest_rejects_mqtt_refusals ON ingest_rejects (received_at)
  WHERE source = 'mqtt' AND reason IN ('UNAUTHENTICATED', 'FORBIDDEN');
