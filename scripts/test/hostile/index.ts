// The hostile-input suite's generator: reads what it needs about the seeded city, then makes every family's
// inputs from one seed (HOSTILE_SEED), deterministically: the same seed and database give the same inputs
// (valid readings are stamped relative to the run's clock).
import type { Queryable } from '../../../api/src/store/db.ts';
import { Rng } from '../../city/rng.ts';
import { generateGeoJsonInputs } from './geojson.ts';
import { generateGraphqlInputs } from './graphql.ts';
import { generateIngestHttpInputs, generateMqttInputs, ReadingMaker } from './ingest.ts';
import { generatePublicInputs, generateTileInputs } from './pages.ts';
import type { HostileContext, HostileInput } from './types.ts';
import { generateUploadInputs } from './uploads.ts';

export type { HostileContext, HostileInput } from './types.ts';

/** The seed: HOSTILE_SEED, else 1. */
export function hostileSeed(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.HOSTILE_SEED?.trim();
  if (!text) return 1;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`HOSTILE_SEED="${text}" is not a whole number ≥ 0`);
  return seed;
}

/**
 * Devices set aside for the suite's readings (dust and crane monitors and energy meters, away from the first
 * and last ones other tests use), the city's codes and the stored building tiles.
 */
export async function loadHostileContext(
  db: Queryable,
  seed: number,
  nowMs: number,
  runId: string,
): Promise<HostileContext> {
  const { rows: devices } = await db.query<{ code: string; type: string; metrics: string[] }>(
    `WITH picked AS (
       SELECT code, type, row_number() OVER (PARTITION BY type ORDER BY id) AS n FROM devices
       WHERE type IN ('dust_monitor', 'crane_monitor', 'energy_meter')
         AND id NOT IN (SELECT id FROM devices WHERE type IN ('dust_monitor', 'crane_monitor') ORDER BY id DESC LIMIT 60))
     SELECT p.code, p.type::text AS type, array_agg(m.key ORDER BY m.key) AS metrics
     FROM picked p JOIN device_type_metrics dm ON dm.device_type = p.type JOIN metrics m ON m.id = dm.metric_id
     WHERE p.n > 15 AND p.n <= 21 AND m.key NOT IN ('load_moment_ratio', 'energy')
     GROUP BY p.code, p.type ORDER BY p.code`,
  );
  const types = [...new Set(devices.map((d) => d.type))];
  const { rows: foreign } = await db.query<{ key: string }>(
    `SELECT DISTINCT m.key FROM metrics m JOIN device_type_metrics dm ON dm.metric_id = m.id
     WHERE NOT EXISTS (SELECT 1 FROM device_type_metrics x WHERE x.metric_id = m.id AND x.device_type::text = ANY ($1))
     ORDER BY m.key`,
    [types],
  );
  const { rows: assets } = await db.query<{ code: string; kind: string }>(
    `SELECT code, kind::text AS kind FROM (
       SELECT code, kind, row_number() OVER (PARTITION BY kind ORDER BY id) AS n FROM assets) a
     WHERE n % 97 = 5 ORDER BY code LIMIT 60`,
  );
  const { rows: categories } = await db.query<{ code: string }>(
    'SELECT code FROM case_categories WHERE citizen ORDER BY code',
  );
  const { rows: tiles } = await db.query<{ street: string; level: number; x: number; y: number }>(
    'SELECT street_code AS street, level, x, y FROM building_tiles ORDER BY street_code, level, x, y LIMIT 12',
  );
  const { rows: areas } = await db.query<{ code: string; level: string }>(
    "SELECT code, level::text AS level FROM areas WHERE level IN ('district', 'street') ORDER BY code",
  );
  if (devices.length < 6 || assets.length < 10 || categories.length < 3) {
    throw new Error(
      `the test database has no seeded city to send hostile input to (${devices.length} devices, ${assets.length} assets); run the integration tests through npm test`,
    );
  }
  const shift = [...runId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7) % 20;
  return {
    seed,
    nowMs,
    // Six hours, ending 3 hours ago or a multiple of 6 hours before that (picked by the run, so two runs at once
    // rarely share a window): older than what other tests send, inside the seeded history and the retention.
    // The last hour is the test's own (sentinel readings), the rest the generators'.
    windowStartMs: nowMs - (9 + 6 * shift) * 3_600_000,
    windowEndMs: nowMs - (3 + 6 * shift) * 3_600_000,
    devices,
    foreignMetrics: foreign.map((r) => r.key),
    assets,
    categories: categories.map((r) => r.code),
    buildingTiles: tiles,
    areas: {
      district: areas.filter((a) => a.level === 'district').map((a) => a.code),
      street: areas.filter((a) => a.level === 'street').map((a) => a.code),
    },
    runId,
  };
}

export interface HostileSuite {
  seed: number;
  /** Family → inputs, in the order they run. */
  families: Map<string, HostileInput[]>;
}

export function generateHostileSuite(ctx: HostileContext): HostileSuite {
  const maker = new ReadingMaker(ctx, new Rng(ctx.seed, 'hostile/readings'));
  const families = new Map<string, HostileInput[]>([
    ['graphql', generateGraphqlInputs(ctx)],
    ['geojson', generateGeoJsonInputs(ctx)],
    ['ingest-http', generateIngestHttpInputs(ctx, maker, new Rng(ctx.seed, 'hostile/ingest-http'))],
    ['ingest-mqtt', generateMqttInputs(ctx, maker, new Rng(ctx.seed, 'hostile/ingest-mqtt'))],
    ['uploads', generateUploadInputs(ctx)],
    ['tiles', generateTileInputs(ctx)],
    ['public', generatePublicInputs(ctx)],
  ]);
  return { seed: ctx.seed, families };
}
