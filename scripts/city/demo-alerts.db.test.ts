// The demo's alert history: a small demo city's readings replayed through the alert engine give alerts on
// the days their readings crossed, each event recorded at its reading's time, and the same alerts the live
// ingest path would have raised (the replay is the engine itself, only fed from the generator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDefaultRules } from '../../api/src/alerts/default-rules.ts';
import { loadConfig } from '../../api/src/config.ts';
import { createPool } from '../../api/src/store/db.ts';
import { migrate } from '../../api/src/store/migrate.ts';
import { createScratchDatabase } from '../test/test-database.ts';
import { seedDemoAlertHistory } from './demo-alerts.ts';
import { type City, generateCity } from './generate.ts';
import { loadCity } from './load.ts';
import { loadReference } from './reference.ts';
import { REFERENCE_DIR } from './seed-city.ts';

const SMALL = { buildings: 600, sites: 20, slopes: 20, waterloggingPoints: 20, historyDays: 4 };

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let pool: ReturnType<typeof createPool>;
let city: City;
const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);

beforeAll(async () => {
  scratch = await createScratchDatabase();
  pool = createPool(scratch.url);
  await migrate(pool, loadConfig({}).migrationsDir);
  await installDefaultRules(pool);
  city = generateCity(loadReference(REFERENCE_DIR), SMALL, 1, now);
  await loadCity(pool, city);
}, 240_000);

afterAll(async () => {
  await pool?.end();
  await scratch?.drop();
});

describe('the demo alert history', () => {
  it('raises alerts over the history window, each event at its reading time, none in the future', async () => {
    const events = await seedDemoAlertHistory(pool, city);
    expect(events).toBeGreaterThan(0);
    const { rows } = await pool.query<{
      days: number;
      first: Date;
      last: Date;
      stamped_now: number;
      n: number;
    }>(
      `SELECT count(DISTINCT (e.at AT TIME ZONE 'Asia/Shanghai')::date)::int AS days, min(e.at) AS first,
              max(e.at) AS last, count(*) FILTER (WHERE e.at > $1)::int AS stamped_now, count(*)::int AS n
       FROM alert_events e`,
      // The history ends at `now`, before the seeding ran: an event after it was stamped by the clock.
      [now],
    );
    const r = rows[0]!;
    expect(r.n).toBe(events);
    expect(r.days).toBeGreaterThan(1);
    expect(r.first.getTime()).toBeGreaterThanOrEqual(now.getTime() - SMALL.historyDays * 86_400_000);
    expect(r.last.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(r.stamped_now).toBe(0);
    // A fired event is recorded when its alert started.
    const { rows: mismatched } = await pool.query(
      `SELECT 1 FROM alert_events e JOIN alerts a ON a.id = e.alert_id
       WHERE e.kind = 'fired' AND e.at <> a.started_at`,
    );
    expect(mismatched).toEqual([]);
  });
});
