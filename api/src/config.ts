// The environment, read once into a typed, frozen object. Everything else takes a Config; tests build their own.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  apiStatementTimeoutMs: number;
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
  return Object.freeze({
    rootDir,
    host: env.HOST ?? '127.0.0.1',
    port: parsePort(env.PORT ?? '8080'),
    databaseUrl: env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : null,
    dataDir: path.resolve(rootDir, env.DATA_DIR ?? '.data'),
    startPreset: parsePreset(env.SEED_PRESET ?? 'demo'),
    seed: parseSeed(env.SEED ?? '1'),
    webDistDir: path.join(rootDir, 'web/dist'),
    migrationsDir: path.join(rootDir, 'db/migrations'),
    // An API statement running longer is cancelled and answered as LIMIT_EXCEEDED.
    apiStatementTimeoutMs: parseTimeout(env.API_STATEMENT_TIMEOUT_MS ?? '15000'),
  });
}
