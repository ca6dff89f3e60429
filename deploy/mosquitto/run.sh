#!/bin/sh
# Runs Mosquitto with the password_file and acl_file the API exports to a shared folder (MQTT_AUTH_DIR, or
# `npm run mqtt-credential -- export-mosquitto`): copies them in with the owner and mode Mosquitto wants, and
# sends Mosquitto SIGHUP when they change, so a new credential works and a revoked one is disconnected within
# seconds. Until the first export, nobody can connect. Paths and the check interval can be changed for tests.
set -eu
SRC=${MQTT_AUTH_SRC:-/auth}
DST=${MQTT_AUTH_DST:-/mosquitto/auth}
CONF=${MOSQUITTO_CONF:-/deploy/mosquitto.conf}
EVERY=${MQTT_AUTH_CHECK_S:-5}

install_files() {
  mkdir -p "$DST"
  chmod 700 "$DST"
  if [ "$(id -u)" = 0 ]; then chown mosquitto:mosquitto "$DST"; fi
  for f in password_file acl_file; do
    if [ -f "$SRC/$f" ]; then cp "$SRC/$f" "$DST/$f.new"; else : > "$DST/$f.new"; fi
    chmod 600 "$DST/$f.new"
    # Mosquitto reads them after dropping root for its own user.
    if [ "$(id -u)" = 0 ]; then chown mosquitto:mosquitto "$DST/$f.new"; fi
    mv "$DST/$f.new" "$DST/$f"
  done
}
stamp() { cat "$SRC/password_file" "$SRC/acl_file" 2>/dev/null | md5sum; }

install_files
last=$(stamp)
mosquitto -c "$CONF" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 0' TERM INT
while kill -0 "$pid" 2>/dev/null; do
  sleep "$EVERY" &
  wait $! || true
  now=$(stamp)
  if [ "$now" != "$last" ]; then
    install_files
    kill -HUP "$pid"
    echo "run.sh: MQTT credentials changed; Mosquitto reloaded"
    last=$now
  fi
done
wait "$pid"
