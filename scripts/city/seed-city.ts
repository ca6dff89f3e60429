// Generate + load in one call, used by `npm run seed` and by `npm start` on an empty database.
import path from 'node:path';
import type pg from 'pg';
import { ROOT_DIR } from '../../api/src/config.ts';
import { type City, generateCity } from './generate.ts';
import { type LoadOptions, type LoadReport, loadCity } from './load.ts';
import { PRESET_SPECS } from './presets.ts';
import { loadReference } from './reference.ts';

export const REFERENCE_DIR = path.join(ROOT_DIR, 'db/data');

export async function seedCity(
  pool: pg.Pool,
  preset: keyof typeof PRESET_SPECS,
  seed: number,
  log: (line: string) => void,
  options: LoadOptions = {},
): Promise<LoadReport & { generateMs: number; city: City }> {
  const t = performance.now();
  // History ends at the last full hour, so a fresh seed has readings up to "now".
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const city = generateCity(loadReference(REFERENCE_DIR), PRESET_SPECS[preset], seed, now);
  const generateMs = Math.round(performance.now() - t);
  log(`  generated the ${preset} city (seed ${seed}) in ${(generateMs / 1000).toFixed(1)} s`);
  const report = await loadCity(pool, city, log, options);
  return { ...report, generateMs, city };
}
