// The environment, read once into a typed, frozen object. Everything else takes a Config; tests build their own.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WORK_HOURS, parseWorkHours, type WorkPeriod } from './dispatch/work-calendar.ts';
import { StartupError } from './startup-error.ts';

export const PRESETS = ['demo', 'large'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Config {
  readonly rootDir: string;
  readonly host: string;
  readonly port: number;
  /** null means: run on the embedded PGlite + PostGIS in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  /** What `npm start` seeds into an empty database. */
  readonly startPreset: Preset;
  readonly seed: number;
  readonly webDistDir: string;
  readonly migrationsDir: string;
  readonly apiStatementTimeoutMs: number;
  readonly access: AccessConfig;
  readonly ingest: IngestConfig;
  readonly cases: CaseConfig;
  readonly map: MapConfig;
}

/** An imagery service the big screen draws under the city (e.g. 天地图), for deployments that have one. */
export interface ImageryConfig {
  readonly kind: 'xyz' | 'wmts';
  /** XYZ: a template with {z} {x} {y} (and {s} for subdomains); WMTS: the KVP or RESTful endpoint. */
  readonly url: string;
  /** WMTS only. */
  readonly layer: string | null;
  readonly tileMatrixSetId: string | null;
  readonly style: string;
  readonly format: string;
  readonly subdomains: readonly string[];
  readonly maximumLevel: number;
  readonly credit: string;
}

export interface MapConfig {
  /** null: the offline basemap only (land, districts, streets, roads drawn from our own data). */
  readonly imagery: ImageryConfig | null;
  /** The tile server's origin, which the page's CSP must allow for images and fetches. */
  readonly imageryOrigin: string | null;
  /** How often an API process checks the buildings for changes and rebuilds their changed tiles; 0: never. */
  readonly tilesRebuildMs: number;
  /** The vector tiles' memory cache (MVT_CACHE_MB) and how stale a cached tile may be (MVT_POLL_MS). */
  readonly vectorTiles: VectorTileConfig;
}

export interface VectorTileConfig {
  readonly cacheBytes: number;
  /** The tile server looks at the map change log at most this often before serving from its cache. */
  readonly pollMs: number;
}

export interface CaseConfig {
  /** Working hours of a working day (CST) for deadlines, e.g. "08:30-12:00,14:00-18:00". */
  readonly workHours: readonly WorkPeriod[];
  /** Days off every week (0 = Sunday); holidays and 调休 workdays come from the calendar_days table. */
  readonly weekendDays: readonly number[];
  /** Where attachments are kept, by content hash. */
  readonly attachmentsDir: string;
  readonly attachmentMaxBytes: number;
  /** How often overdue cases are looked for (督办); 0: never (tests drive it). */
  readonly schedulerMs: number;
  /** Citizen and Open311 reports per client IP per hour. */
  readonly reportsPerHour: number;
  /**
   * The one jurisdiction the Open311 endpoint serves (the city government's web domain without "www", as
   * GeoReport v2 suggests); a request naming another jurisdiction_id is refused.
   */
  readonly open311JurisdictionId: string;
}

export interface IngestConfig {
  /** Items per HTTP or GraphQL batch. */
  readonly maxItems: number;
  /** Readings older than this are refused (and their partitions dropped by housekeeping). */
  readonly retentionDays: number;
  /** Readings stamped further ahead of the server clock than this are refused. */
  readonly maxFutureSeconds: number;
  /** null: `npm start` runs an embedded MQTT broker on `mqttPort`. */
  readonly mqttUrl: string | null;
  /** The embedded broker's port; null: 1883, or a free port when 1883 is taken (a demo should simply run). */
  readonly mqttPort: number | null;
  /** Topics the ingest subscribes to: <prefix>/<device>[/<metric>]. */
  readonly mqttTopicPrefix: string;
  /**
   * With MQTT_URL: a folder where the API keeps Mosquitto's password_file and acl_file current with the MQTT
   * credentials (deploy/mosquitto/run.sh reloads Mosquitto when they change); null: only on demand
   * (`npm run mqtt-credential -- export-mosquitto <dir>`).
   */
  readonly mqttAuthDir: string | null;
  /** Run the device simulator inside `npm start` (default: with the demo city). */
  readonly simulate: boolean;
  /** Simulated readings per second. */
  readonly simulateRate: number;
}

export interface AccessConfig {
  /** A session ends after this long without a request (sliding). */
  readonly sessionIdleSeconds: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  /** Sign-in attempts per client IP per minute (any username). */
  readonly loginPerMinute: number;
  /** Requests per client IP per minute on public pages (QR lookup, citizen reports). */
  readonly publicPerMinute: number;
  /** Lifetime of a new API token unless the admin gives one. */
  readonly tokenDays: number;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (only behind a reverse proxy that sets them). */
  readonly trustProxy: boolean;
  /** Origins other web apps may call the API from with a bearer token (CORS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** A JSON file { "<sha256 or id>": "<query>" }: API tokens may then run only these operations. */
  readonly persistedOperationsFile: string | null;
}

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function parsePreset(value: string): Preset {
  if ((PRESETS as readonly string[]).includes(value)) return value as Preset;
  throw new StartupError(`unknown preset "${value}"`, `use one of: ${PRESETS.join(', ')}`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(`PORT="${value}" is not a port number`, 'set PORT to an integer from 1 to 65535');
  }
  return port;
}

export function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new StartupError(`seed "${value}" is not a non-negative integer`, 'pass e.g. --seed 42');
  }
  return seed;
}

function parseCount(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new StartupError(
      `${name}="${value}" is out of range`,
      `set ${name} to a whole number from ${min} to ${max}`,
    );
  }
  return n;
}

function parseBoolean(name: string, value: string): boolean {
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no|)$/i.test(value)) return false;
  throw new StartupError(`${name}="${value}" is not a yes/no value`, `set ${name} to true or false`);
}

function parseOrigins(value: string): string[] {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {}
    if (!url || url.origin !== origin) {
      throw new StartupError(
        `CORS_ORIGINS has "${origin}", which is not an origin`,
        'list origins like https://other.example.gov.cn, separated by commas',
      );
    }
  }
  return origins;
}

export function loadAccessConfig(env: NodeJS.ProcessEnv, rootDir: string): AccessConfig {
  return Object.freeze({
    sessionIdleSeconds: parseCount('SESSION_IDLE_HOURS', env.SESSION_IDLE_HOURS ?? '12', 1, 24 * 30) * 3600,
    loginMaxFailures: parseCount('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES ?? '5', 1, 100),
    loginLockMinutes: parseCount('LOGIN_LOCK_MINUTES', env.LOGIN_LOCK_MINUTES ?? '15', 1, 24 * 60),
    loginPerMinute: parseCount('LOGIN_RATE_PER_MINUTE', env.LOGIN_RATE_PER_MINUTE ?? '20', 1, 10_000),
    publicPerMinute: parseCount('PUBLIC_RATE_PER_MINUTE', env.PUBLIC_RATE_PER_MINUTE ?? '30', 1, 100_000),
    tokenDays: parseCount('TOKEN_DAYS', env.TOKEN_DAYS ?? '90', 1, 3650),
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY ?? 'false'),
    corsOrigins: Object.freeze(parseOrigins(env.CORS_ORIGINS ?? '')),
    persistedOperationsFile: env.PERSISTED_OPERATIONS?.trim()
      ? path.resolve(rootDir, env.PERSISTED_OPERATIONS.trim())
      : null,
  });
}

function parseMqttUrl(value: string | undefined): string | null {
  const url = value?.trim();
  if (!url) return null;
  if (!/^mqtts?:\/\/[^/\s]+/.test(url)) {
    throw new StartupError(
      `MQTT_URL="${url}" is not an MQTT URL`,
      'use mqtt://host:1883 or mqtts://host:8883',
    );
  }
  return url;
}

export function loadIngestConfig(env: NodeJS.ProcessEnv, startPreset: Preset): IngestConfig {
  const prefix = env.MQTT_TOPIC_PREFIX ?? 'city/devices';
  if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(prefix)) {
    throw new StartupError(`MQTT_TOPIC_PREFIX="${prefix}" is not a topic prefix`, 'use e.g. city/devices');
  }
  return Object.freeze({
    maxItems: parseCount('INGEST_MAX_ITEMS', env.INGEST_MAX_ITEMS ?? '5000', 1, 50_000),
    retentionDays: parseCount('READINGS_RETENTION_DAYS', env.READINGS_RETENTION_DAYS ?? '30', 8, 3650),
    maxFutureSeconds: parseCount(
      'INGEST_MAX_FUTURE_SECONDS',
      env.INGEST_MAX_FUTURE_SECONDS ?? '300',
      0,
      86_400,
    ),
    mqttUrl: parseMqttUrl(env.MQTT_URL),
    mqttPort: env.MQTT_PORT === undefined ? null : parseCount('MQTT_PORT', env.MQTT_PORT, 0, 65535),
    mqttTopicPrefix: prefix,
    mqttAuthDir: env.MQTT_AUTH_DIR?.trim() ? path.resolve(ROOT_DIR, env.MQTT_AUTH_DIR.trim()) : null,
    simulate: parseBoolean('SIMULATE', env.SIMULATE ?? (startPreset === 'demo' ? 'true' : 'false')),
    simulateRate: parseCount('SIMULATE_RATE', env.SIMULATE_RATE ?? '50', 1, 100_000),
  });
}

function parseWeekendDays(value: string): number[] {
  const days = value
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d.length > 0)
    .map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || days.length > 6) {
    throw new StartupError(
      `CASE_WEEKEND_DAYS="${value}" is not a list of weekdays`,
      'use e.g. 6,0 (0 = Sunday)',
    );
  }
  return [...new Set(days)];
}

/** Shenzhen's government portal, www.sz.gov.cn, without the "www". */
export const DEFAULT_JURISDICTION_ID = 'sz.gov.cn';

function parseJurisdictionId(value: string): string {
  const id = value.trim().toLowerCase();
  if (!/^[a-z0-9](?:[a-z0-9.-]{0,98}[a-z0-9])?$/.test(id)) {
    throw new StartupError(
      `OPEN311_JURISDICTION_ID="${value}" is not a jurisdiction id`,
      `use the city's web domain without "www", e.g. ${DEFAULT_JURISDICTION_ID}`,
    );
  }
  return id;
}

export function loadCaseConfig(env: NodeJS.ProcessEnv, dataDir: string): CaseConfig {
  let workHours: WorkPeriod[];
  try {
    workHours = parseWorkHours(env.CASE_WORK_HOURS ?? DEFAULT_WORK_HOURS);
  } catch (error) {
    throw new StartupError(`CASE_WORK_HOURS: ${(error as Error).message}`, `use e.g. ${DEFAULT_WORK_HOURS}`);
  }
  return Object.freeze({
    workHours,
    weekendDays: parseWeekendDays(env.CASE_WEEKEND_DAYS ?? '6,0'),
    attachmentsDir: path.resolve(dataDir, env.ATTACHMENTS_DIR ?? 'attachments'),
    attachmentMaxBytes: parseCount(
      'ATTACHMENT_MAX_BYTES',
      env.ATTACHMENT_MAX_BYTES ?? '10485760',
      1024,
      100 * 1024 * 1024,
    ),
    schedulerMs: parseCount('CASE_SCHEDULER_MS', env.CASE_SCHEDULER_MS ?? '15000', 0, 3_600_000),
    reportsPerHour: parseCount('REPORTS_PER_HOUR', env.REPORTS_PER_HOUR ?? '10', 1, 100_000),
    open311JurisdictionId: parseJurisdictionId(env.OPEN311_JURISDICTION_ID ?? DEFAULT_JURISDICTION_ID),
  });
}

export function loadMapConfig(env: NodeJS.ProcessEnv): MapConfig {
  const tilesRebuildMs = parseCount('TILES_REBUILD_MS', env.TILES_REBUILD_MS ?? '60000', 0, 86_400_000);
  const vectorTiles: VectorTileConfig = Object.freeze({
    cacheBytes: parseCount('MVT_CACHE_MB', env.MVT_CACHE_MB ?? '128', 0, 65_536) * 1024 * 1024,
    pollMs: parseCount('MVT_POLL_MS', env.MVT_POLL_MS ?? '1000', 0, 60_000),
  });
  const url = env.IMAGERY_URL?.trim();
  if (!url) return Object.freeze({ imagery: null, imageryOrigin: null, tilesRebuildMs, vectorTiles });
  let origin: string;
  try {
    const parsed = new URL(url.replace(/\{s\}/g, 'a'));
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    origin = parsed.origin;
  } catch {
    throw new StartupError(`IMAGERY_URL="${url.slice(0, 200)}" is not an http(s) URL`, 'unset it or fix it');
  }
  const kind = env.IMAGERY_KIND ?? 'xyz';
  if (kind !== 'xyz' && kind !== 'wmts') {
    throw new StartupError(`IMAGERY_KIND="${kind}" is not xyz or wmts`, 'set IMAGERY_KIND=xyz or wmts');
  }
  if (kind === 'xyz' && !/\{z\}/.test(url)) {
    throw new StartupError('IMAGERY_URL has no {z}/{x}/{y} placeholders', 'give an XYZ template');
  }
  if (kind === 'wmts' && !env.IMAGERY_LAYER) {
    throw new StartupError('IMAGERY_KIND=wmts needs IMAGERY_LAYER', 'e.g. IMAGERY_LAYER=img');
  }
  // 天地图 and most Chinese services use subdomains (t0…t7) in the host: {s} picks one.
  const subdomains = (env.IMAGERY_SUBDOMAINS ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const imagery: ImageryConfig = Object.freeze({
    kind,
    url,
    layer: env.IMAGERY_LAYER ?? null,
    tileMatrixSetId: env.IMAGERY_TILE_MATRIX_SET ?? (kind === 'wmts' ? 'w' : null),
    style: env.IMAGERY_STYLE ?? 'default',
    format: env.IMAGERY_FORMAT ?? 'tiles',
    subdomains,
    maximumLevel: parseCount('IMAGERY_MAX_LEVEL', env.IMAGERY_MAX_LEVEL ?? '18', 1, 22),
    credit: env.IMAGERY_CREDIT ?? new URL(url.replace(/\{s\}/g, 'a')).hostname,
  });
  // Subdomains change the host's first label (t0…t7.tianditu.gov.cn): the CSP allows *.<the rest>.
  const parsed = new URL(origin);
  const imageryOrigin = url.split('/')[2]?.includes('{s}')
    ? `${parsed.protocol}//*.${parsed.hostname.split('.').slice(1).join('.')}${parsed.port ? `:${parsed.port}` : ''}`
    : origin;
  return Object.freeze({ imagery, imageryOrigin, tilesRebuildMs, vectorTiles });
}

function parseTimeout(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100) {
    throw new StartupError(
      `API_STATEMENT_TIMEOUT_MS="${value}" is not a timeout`,
      'set it to milliseconds ≥ 100',
    );
  }
  return ms;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const rootDir = ROOT_DIR;
  const startPreset = parsePreset(env.SEED_PRESET ?? 'demo');
  const dataDir = path.resolve(rootDir, env.DATA_DIR ?? '.data');
  return Object.freeze({
    rootDir,
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT ?? '8080'),
    databaseUrl: env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : null,
    dataDir,
    startPreset,
    seed: parseSeed(env.SEED ?? '1'),
    webDistDir: path.join(rootDir, 'web/dist'),
    migrationsDir: path.join(rootDir, 'db/migrations'),
    // An API statement running longer is cancelled and answered as LIMIT_EXCEEDED.
    apiStatementTimeoutMs: parseTimeout(env.API_STATEMENT_TIMEOUT_MS ?? '15000'),
    access: loadAccessConfig(env, rootDir),
    ingest: loadIngestConfig(env, startPreset),
    cases: loadCaseConfig(env, dataDir),
    map: loadMapConfig(env),
  });
}
