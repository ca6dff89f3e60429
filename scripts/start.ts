// npm start: database (DATABASE_URL or embedded), migrations, demo city if empty, web build if stale, then
// API and web on one port.
import net from 'node:net';
import os from 'node:os';
import { serve } from '@hono/node-server';
import { newMqttSecret } from '../api/src/access/mosquitto-password.ts';
import { type Config, loadConfig } from '../api/src/config.ts';
import { loadPersistedOperations } from '../api/src/graphql/persisted-operations.ts';
import { createApp } from '../api/src/http/app.ts';
import { keepMosquittoFilesExported } from '../api/src/ingest/mosquitto-export.ts';
import { createMqttAuth, localMqttCredential, mqttUrlWith } from '../api/src/ingest/mqtt-auth.ts';
import { mqttBatcher } from '../api/src/ingest/mqtt-batch.ts';
import {
  MQTT_DEFAULT_PORT,
  recordRunningBroker,
  startEmbeddedBroker,
} from '../api/src/ingest/mqtt-broker.ts';
import { startMqttIngest } from '../api/src/ingest/mqtt-ingest.ts';
import { startLive } from '../api/src/live/live.ts';
import { runPeriodically } from '../api/src/live/periodic.ts';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { countUsers, deleteExpiredSessions } from '../api/src/store/accounts.repo.ts';
import { countAreas } from '../api/src/store/areas.repo.ts';
import { migrate } from '../api/src/store/migrate.ts';
import { buildBuildingTiles } from '../tiles/3d/build-building-tiles.ts';
import { demoLoginLines, ensureDemoUsers } from './access/demo-users.ts';
import { seedDemoAlertHistory } from './city/demo-alerts.ts';
import { seedDemoCases } from './city/demo-cases.ts';
import { seedCity } from './city/seed-city.ts';
import { openDatabase } from './database.ts';
import { startSimulator } from './simulator/simulator.ts';
import { ensureWebBuild } from './web-build.ts';

const log = (line: string) => console.log(line);

function assertPortFree(config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `port ${config.port} on ${config.host} is already in use`,
              'stop what uses it or set PORT to a free port',
            )
          : new StartupError(
              `cannot listen on ${config.host}:${config.port} (${error.code})`,
              'set HOST and PORT',
            ),
      );
    });
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

/** TILES_REBUILD_MS=0: the tileset is still built once at start, never again. */
function buildOnce(build: () => Promise<unknown>): () => void {
  build().catch((error: Error) => log(`warning: building the buildings tileset failed: ${error.message}`));
  return () => undefined;
}

await runCli(async () => {
  const config = loadConfig();
  await assertPortFree(config);
  log(
    config.databaseUrl
      ? 'using the PostgreSQL in DATABASE_URL'
      : `starting the embedded PostGIS in ${config.dataDir}…`,
  );
  const db = await openDatabase(config);
  const applied = await migrate(db.pool, config.migrationsDir);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  const housekeeping = () =>
    Promise.all([
      // Partitions for the whole retention window (late readings need them) and a week ahead; older ones go.
      db.pool.query('SELECT ensure_readings_partitions(current_date - $1::int, current_date + 7)', [
        config.ingest.retentionDays,
      ]),
      db.pool.query('SELECT drop_readings_partitions(current_date - $1::int)', [config.ingest.retentionDays]),
      deleteExpiredSessions(db.pool),
    ]).catch((error: Error) => {
      log(`warning: housekeeping (reading partitions, expired sessions) failed: ${error.message}`);
    });
  await housekeeping();
  const hourly = setInterval(housekeeping, 3_600_000);
  hourly.unref();

  let seededDemo = false;
  if ((await countAreas(db.pool)) === 0) {
    log(
      `the database is empty: seeding the ${config.startPreset} city (synthetic, inside real district boundaries)…`,
    );
    const { city } = await seedCity(db.pool, config.startPreset, config.seed, log, {
      cluster: db.mode !== 'embedded',
    });
    seededDemo = config.startPreset === 'demo';
    if (seededDemo) {
      const t = performance.now();
      const events = await seedDemoAlertHistory(db.pool, city);
      log(
        `  alert history: ${events} alert events over the ${city.spec.historyDays} days of readings in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
  }
  // Demo accounts come with the demo city only, never into a database that already had data.
  if (seededDemo) {
    const created = await ensureDemoUsers(db.pool);
    if (created) log(`created ${created} demo accounts with a published password (npm run user -- list)`);
    const cases = await seedDemoCases(db.pool, config.cases, config.seed);
    log(`filed ${cases} demo cases of the last three weeks through the case workflow`);
  }
  const signInHelp = await demoLoginLines(db.pool);
  if (signInHelp.length === 0 && (await countUsers(db.pool)) === 0) {
    signInHelp.push('  no accounts yet: npm run user -- add <name> --role admin (prints a password)');
  }
  await ensureWebBuild(config.rootDir, log);

  const live = await startLive({
    pool: db.apiPool,
    ingest: config.ingest,
    // The embedded PGlite does not carry NOTIFY between connections: one process, in-process delivery.
    listenUrl: config.databaseUrl,
    log,
    caseSchedulerMs: config.cases.schedulerMs,
  });
  // Readings over MQTT. The embedded broker stores them itself before it acknowledges them (its queues live in
  // memory); an external broker's are taken by a subscriber that acknowledges after the commit.
  const mqttReadings = mqttBatcher({ ingest: live.ingest, prefix: config.ingest.mqttTopicPrefix, log });
  // The embedded broker admits MQTT credentials (npm run mqtt-credential) and this process's simulator, whose
  // credential lives in memory only; the running note (0600) carries it for `npm run simulate` beside us.
  const simulatorCredential = localMqttCredential('simulator', newMqttSecret());
  const mqttAuth = config.ingest.mqttUrl
    ? null
    : createMqttAuth(db.apiPool, {
        prefix: config.ingest.mqttTopicPrefix,
        log,
        local: [simulatorCredential],
      });
  const broker = mqttAuth
    ? await startEmbeddedBroker({
        host: config.host,
        port: config.ingest.mqttPort,
        readings: { prefix: config.ingest.mqttTopicPrefix, store: mqttReadings.store },
        auth: mqttAuth,
      })
    : null;
  const mqttUrl = config.ingest.mqttUrl ?? broker!.url;
  const simulatorUrl = broker ? mqttUrlWith(broker.url, simulatorCredential) : mqttUrl;
  const forgetBroker = broker ? recordRunningBroker(config.dataDir, simulatorUrl) : () => undefined;
  // An external Mosquitto learns the credentials from files this process keeps current (MQTT_AUTH_DIR).
  const stopMqttExport =
    config.ingest.mqttUrl && config.ingest.mqttAuthDir
      ? keepMosquittoFilesExported(db.apiPool, {
          dir: config.ingest.mqttAuthDir,
          prefix: config.ingest.mqttTopicPrefix,
          log,
        })
      : () => undefined;
  const brokerMoved = broker !== null && broker.port !== MQTT_DEFAULT_PORT && config.ingest.mqttPort === null;
  const mqttIngest = broker
    ? null
    : startMqttIngest({
        url: mqttUrl,
        prefix: config.ingest.mqttTopicPrefix,
        shared: true,
        clientId: process.env.MQTT_CLIENT_ID ?? `city-one-map-ingest-${os.hostname()}-${config.port}`,
        ingest: live.ingest,
        log,
      });
  if (mqttIngest) await Promise.race([mqttIngest.ready, new Promise((resolve) => setTimeout(resolve, 5000))]);
  const simulator = config.ingest.simulate
    ? await startSimulator({
        db: db.apiPool,
        mqttUrl: simulatorUrl,
        prefix: config.ingest.mqttTopicPrefix,
        rate: config.ingest.simulateRate,
        log,
      })
    : null;

  // The buildings' 3D Tiles: built now (only changed tiles after the first time) and, unless
  // TILES_REBUILD_MS=0, kept current.
  const buildTiles = () => buildBuildingTiles(db.pool, { log });
  const stopTiles =
    config.map.tilesRebuildMs === 0
      ? buildOnce(buildTiles)
      : runPeriodically(
          'rebuilding the buildings tileset',
          () => buildTiles(),
          log,
          config.map.tilesRebuildMs,
        );

  const app = createApp({
    pool: db.apiPool,
    ingest: config.ingest,
    live,
    mode: db.mode,
    webDistDir: config.webDistDir,
    access: config.access,
    cases: config.cases,
    map: config.map,
    persistedOperations: loadPersistedOperations(config.access.persistedOperationsFile),
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    log(
      `city one-map is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/`,
    );
    log(`  database: ${db.mode}; the city is synthetic, laid out inside real Shenzhen district boundaries`);
    log(
      `  MQTT: ${broker ? `embedded broker at ${mqttUrl}${brokerMoved ? ` (port ${MQTT_DEFAULT_PORT} is taken by another broker)` : ''}` : mqttUrl}, topics ${config.ingest.mqttTopicPrefix}/<device>[/<metric>]; HTTP: POST /ingest`,
    );
    for (const line of signInHelp) log(line);
    log('  accounts and API tokens: npm run user -- list, npm run token -- --role analyst [--area 440304]');
  });
  const stop = async () => {
    server.close();
    stopTiles();
    await simulator?.stop();
    await mqttIngest?.close();
    stopMqttExport();
    await broker?.close();
    await mqttAuth?.close();
    await mqttReadings.drain();
    forgetBroker();
    await live.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
