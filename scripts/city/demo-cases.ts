// Cases of the last three weeks for the demo city, filed and worked through the real case service with
// their own clocks, so the console, the KPIs and the screen start with a plausible history: most cases
// closed (some late, some after rework), some still with their unit, a few overdue. Then every demo unit
// handler's inbox gets open cases to act on (demo-inbox.ts). Deterministic per seed.
import type pg from 'pg';
import type { CaseConfig } from '../../api/src/config.ts';
import { storeAttachment } from '../../api/src/dispatch/attachment-store.ts';
import { citizenCategoriesFor } from '../../api/src/dispatch/category-fit.ts';
import { findCategories } from '../../api/src/store/case-categories.repo.ts';
import { findUnitSuggestions } from '../../api/src/store/case-suggestions.repo.ts';
import { queryRows } from '../../api/src/store/db.ts';
import { CHECKER, DemoCase, DUTY, demoDescription, person, placeholderPhoto } from './demo-case-script.ts';
import { seedDemoInboxes } from './demo-inbox.ts';
import { Rng } from './rng.ts';

const DAYS = 21;
const CASES = 60;

/** Files the demo history and the demo inboxes; returns how many cases it filed. */
export async function seedDemoCases(pool: pg.Pool, config: CaseConfig, seed: number, now = new Date()) {
  const rng = new Rng(seed, 'demo-cases');
  // The cases are about buildings: the categories a citizen could choose on a building's plate.
  const categories = citizenCategoriesFor(await findCategories(pool), 'building');
  const spots = await queryRows<{ lon: number; lat: number; code: string }>(
    pool,
    {
      text: `SELECT ST_X(p) AS lon, ST_Y(p) AS lat, code FROM (
               SELECT a.code, ST_PointOnSurface(a.geom) AS p FROM assets a WHERE a.kind = 'building'
               ORDER BY md5(a.code || $1) LIMIT $2) x`,
    },
    [String(seed), CASES],
    'picking places for demo cases',
  );
  const photo = (
    await storeAttachment(pool, config, placeholderPhoto(), {
      kind: 'system',
      id: null,
      name: 'npm start (demo)',
    })
  ).hash;
  const evidence = { comment: '已现场处置完毕', attachments: [photo] };
  let filed = 0;
  for (const spot of spots) {
    const category = rng.pick(categories);
    const reportedAt = new Date(now.getTime() - rng.range(0.2, DAYS) * 86_400_000);
    const c = await DemoCase.file(
      pool,
      config,
      {
        source: rng.pick(['hotline', 'patrol', 'citizen'] as const),
        categoryCode: category.code,
        description: demoDescription(category.name_zh),
        assetCode: spot.code,
        urgency: null,
      },
      reportedAt,
      now,
    );
    filed += 1;
    if ((await c.state()) === 'reported') {
      c.later(rng.range(5, 90));
      if (rng.chance(0.05)) {
        await c.step(DUTY, 'reject', { comment: '不属于受理范围' });
        continue;
      }
      await c.step(DUTY, 'accept');
    }
    c.later(rng.range(5, 60));
    await c.step(DUTY, 'register');
    const [unit] = await findUnitSuggestions(pool, spot.lon, spot.lat, category.code);
    if (!unit) continue;
    c.later(rng.range(5, 40));
    await c.step(DUTY, 'dispatch', { unitCode: unit.code });
    const handler = person(`${unit.code} 处置员`, 'unit_handler', unit.code);
    if (c.time.getTime() > now.getTime() - 6 * 3_600_000 || rng.chance(0.12)) continue; // still with the unit
    c.later(rng.range(30, 240));
    await c.step(handler, 'start');
    c.later(rng.range(60, 2400));
    await c.step(handler, 'report_handled', evidence);
    if (rng.chance(0.15)) {
      c.later(rng.range(30, 180));
      await c.step(CHECKER, 'verify_fail', { comment: '现场复核未整改到位' });
      c.later(rng.range(60, 600));
      await c.step(handler, 'report_handled', evidence);
    }
    if (rng.chance(0.1)) continue; // waiting for verification
    c.later(rng.range(30, 240));
    await c.step(CHECKER, 'verify_pass');
    c.later(rng.range(10, 120));
    await c.step(DUTY, 'close');
  }
  return filed + (await seedDemoInboxes(pool, config, seed, photo, now));
}
