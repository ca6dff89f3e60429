// The server's composition root. From the config and an open database: the live services (ingest, alert and
// case events, scheduled rules), MQTT (the embedded broker, or a subscriber to an external one and the
// credential files for it), the periodic jobs (housekeeping, the buildings tileset), the hono app with the
// API's routes and the tile server's (tiles/), and the HTTP server. `npm start` (scripts/start.ts) opens and
// prepares the database, then calls startServer; tests and benches build the same app with createServerApp.
import os from 'node:os';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type pg from 'pg';
import { buildBuildingTiles } from '../../tiles/3d/build-building-tiles.ts';
import { buildingTileRoutes } from '../../tiles/3d/building-tiles.routes.ts';
import { mvtRoutes } from '../../tiles/mvt/mvt.routes.ts';
import { TileQueryError, TileRequestError } from '../../tiles/tile-errors.ts';
import type { TileHost } from '../../tiles/tile-host.ts';
import { newMqttSecret } from './access/mosquitto-password.ts';
import { scopeCode } from './access/scope.ts';
import { type Config, loadMapConfig, type VectorTileConfig } from './config.ts';
import { DomainError } from './domain-error.ts';
import { serviceAreaReader } from './geo/area.service.ts';
import { loadPersistedOperations } from './graphql/persisted-operations.ts';
import { type AppDeps, createApp } from './http/app.ts';
import type { AppEnv } from './http/identify.ts';
import { keepMosquittoFilesExported } from './ingest/mosquitto-export.ts';
import { createMqttAuth, localMqttCredential, mqttUrlWith } from './ingest/mqtt-auth.ts';
import { mqttBatcher } from './ingest/mqtt-batch.ts';
import { MQTT_DEFAULT_PORT, recordRunningBroker, startEmbeddedBroker } from './ingest/mqtt-broker.ts';
import { startMqttIngest } from './ingest/mqtt-ingest.ts';
import { startLive } from './live/live.ts';
import { runPeriodically } from './live/periodic.ts';
import { deleteExpiredSessions } from './store/accounts.repo.ts';
import { queryError } from './store/db.ts';

export interface ServerDatabase {
  mode: 'embedded' | 'external';
  /** For housekeeping and the tileset build: no statement timeout. */
  pool: pg.Pool;
  /** For the API: statements over config.apiStatementTimeoutMs are cancelled. */
  apiPool: pg.Pool;
}

export interface ServerOptions {
  config: Config;
  database: ServerDatabase;
  log: (line: string) => void;
  /**
   * Started once MQTT is up, before the periodic jobs (on the embedded database the first tileset build holds
   * it for a while) and stopped first: npm start's simulator, given where a simulator publishes.
   */
  startAlongside?: (simulatorUrl: string) => Promise<{ stop(): Promise<void> } | null>;
}

export interface RunningServer {
  /** Stops everything startServer started, in order; the database stays open. */
  stop(): Promise<void>;
}

/** The hono app with the tile server's routes under /tiles. */
export function createServerApp(deps: Omit<AppDeps, 'tiles'>): Hono<AppEnv> {
  const map = deps.map ?? loadMapConfig({});
  return createApp({ ...deps, map, tiles: tileServer(deps.pool, map.vectorTiles) });
}

function tileServer(pool: pg.Pool, vectorTiles: VectorTileConfig): Hono<AppEnv> {
  const host: TileHost<AppEnv> = {
    db: pool,
    // /tiles/* is for signed-in callers only (createApp): a viewer is always there.
    scopeOf: (c) => scopeCode(c.get('viewer')!.scope),
    mapError: apiError,
  };
  const tiles = new Hono<AppEnv>();
  tiles.route('/3d/buildings', buildingTileRoutes(host));
  tiles.route('/', mvtRoutes({ ...host, cityBounds: serviceAreaReader(pool) }, vectorTiles));
  return tiles;
}

/** A tile failure as the API's error: a refused request keeps its code, a failed statement reads as the store's. */
function apiError(error: Error): Error {
  if (error instanceof TileRequestError) return new DomainError(error.code, error.message);
  if (error instanceof TileQueryError) return queryError(error.cause, error.action);
  return error;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, database: db, log } = options;
  const stopHousekeeping = await startHousekeeping(db.pool, config, log);
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
  const alongside = (await options.startAlongside?.(simulatorUrl)) ?? null;
  const stopTiles = startTilesetBuilds(db.pool, config, log);

  const app = createServerApp({
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
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
      log(
        `city one-map is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/`,
      );
      log(`  database: ${db.mode}; the city is synthetic, laid out inside real Shenzhen district boundaries`);
      log(
        `  MQTT: ${broker ? `embedded broker at ${mqttUrl}${brokerMoved ? ` (port ${MQTT_DEFAULT_PORT} is taken by another broker)` : ''}` : mqttUrl}, topics ${config.ingest.mqttTopicPrefix}/<device>[/<metric>]; HTTP: POST /ingest`,
      );
      resolve(listening);
    });
  });
  return {
    async stop() {
      server.close();
      await alongside?.stop();
      stopTiles();
      stopHousekeeping();
      await mqttIngest?.close();
      stopMqttExport();
      await broker?.close();
      await mqttAuth?.close();
      await mqttReadings.drain();
      forgetBroker();
      await live.close();
    },
  };
}

/** Reading partitions for the whole retention window and a week ahead (older ones go), expired sessions: now, then hourly. */
async function startHousekeeping(pool: pg.Pool, config: Config, log: (line: string) => void) {
  const housekeeping = () =>
    Promise.all([
      // Late readings need the partitions of the whole retention window.
      pool.query('SELECT ensure_readings_partitions(current_date - $1::int, current_date + 7)', [
        config.ingest.retentionDays,
      ]),
      pool.query('SELECT drop_readings_partitions(current_date - $1::int)', [config.ingest.retentionDays]),
      deleteExpiredSessions(pool),
    ]).catch((error: Error) => {
      log(`warning: housekeeping (reading partitions, expired sessions) failed: ${error.message}`);
    });
  await housekeeping();
  const hourly = setInterval(housekeeping, 3_600_000);
  hourly.unref();
  return () => clearInterval(hourly);
}

/**
 * The buildings' 3D Tiles: built now (only changed tiles after the first time) and, unless TILES_REBUILD_MS=0,
 * kept current; with 0 the tileset is still built once at start, never again.
 */
function startTilesetBuilds(pool: pg.Pool, config: Config, log: (line: string) => void): () => void {
  const buildTiles = () => buildBuildingTiles(pool, { log });
  if (config.map.tilesRebuildMs === 0) {
    buildTiles().catch((error: Error) =>
      log(`warning: building the buildings tileset failed: ${error.message}`),
    );
    return () => undefined;
  }
  return runPeriodically(
    'rebuilding the buildings tileset',
    () => buildTiles(),
    log,
    config.map.tilesRebuildMs,
  );
}
