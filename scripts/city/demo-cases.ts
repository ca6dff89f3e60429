// Cases of the last three weeks for the demo city, filed and worked through the real case service with
// their own clocks, so the console, the KPIs and the screen start with a plausible history: most cases
// closed (some late, some after rework), some still with their unit, a few overdue. Deterministic per seed.
import type pg from 'pg';
import { PNG } from 'pngjs';
import type { CaseConfig } from '../../api/src/config.ts';
import { storeAttachment } from '../../api/src/dispatch/attachment-store.ts';
import {
  type CaseActor,
  type CaseResult,
  createCase,
  type TransitionInput,
  transitionCase,
} from '../../api/src/dispatch/case.service.ts';
import type { CaseAction } from '../../api/src/dispatch/case-machine.ts';
import { findCategories, findUnitSuggestions } from '../../api/src/store/cases.repo.ts';
import { queryRows } from '../../api/src/store/db.ts';
import { Rng } from './rng.ts';

const DAYS = 21;
const CASES = 60;

const person = (name: string, role: CaseActor['role'], unitCode: string | null = null): CaseActor => ({
  audit: { kind: 'system', id: null, name, origin: { ip: null, userAgent: null } },
  role,
  unitCode,
  scope: null,
});
const DUTY = person('duty', 'duty_officer');
const CHECKER = person('futian.duty', 'duty_officer');

/** A small grey photo stand-in, stored once by its hash. */
function placeholderPhoto(): Uint8Array {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(128);
  return PNG.sync.write(png);
}

export async function seedDemoCases(pool: pg.Pool, config: CaseConfig, seed: number, now = new Date()) {
  const rng = new Rng(seed, 'demo-cases');
  const categories = (await findCategories(pool)).filter((c) => c.citizen);
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
  const photo = (await storeAttachment(pool, config, placeholderPhoto(), 'npm start (demo)')).hash;
  let filed = 0;
  for (const spot of spots) {
    const category = rng.pick(categories);
    let at = new Date(now.getTime() - rng.range(0.2, DAYS) * 86_400_000);
    const later = (minutes: number) => {
      at = new Date(Math.min(now.getTime() - 60_000, at.getTime() + minutes * 60_000));
      return at;
    };
    const source = rng.pick(['hotline', 'patrol', 'citizen'] as const);
    let c: CaseResult = await createCase(
      pool,
      config,
      source === 'citizen' ? person('citizen', 'public') : DUTY,
      {
        source,
        categoryCode: category.code,
        urgency: null,
        description: `${category.name_zh}：演示案件（合成数据）`,
        address: null,
        location: null,
        assetCode: spot.code,
        alertId: null,
        reporterName: null,
        reporterPhone: null,
        attachments: [],
      },
      at,
    );
    const step = async (who: CaseActor, action: CaseAction, extra: Partial<TransitionInput> = {}) => {
      c = await transitionCase(
        pool,
        config,
        who,
        {
          id: c.caseId,
          action,
          version: c.version,
          input: {
            comment: null,
            unitCode: null,
            attachments: [],
            extensionMinutes: null,
            mergeInto: null,
            ...extra,
          },
        },
        at,
      );
    };
    const evidence = { comment: '已现场处置完毕', attachments: [photo] };
    const row = (
      await queryRows<{ state: string }>(
        pool,
        { text: 'SELECT state::text FROM cases WHERE id = $1' },
        [c.caseId],
        'reading a demo case',
      )
    )[0]!;
    filed += 1;
    if (row.state === 'reported') {
      later(rng.range(5, 90));
      if (rng.chance(0.05)) {
        await step(DUTY, 'reject', { comment: '不属于受理范围' });
        continue;
      }
      await step(DUTY, 'accept');
    }
    later(rng.range(5, 60));
    await step(DUTY, 'register');
    const [unit] = await findUnitSuggestions(pool, spot.lon, spot.lat, category.code);
    if (!unit) continue;
    later(rng.range(5, 40));
    await step(DUTY, 'dispatch', { unitCode: unit.code });
    const handler = person(`${unit.code} 处置员`, 'unit_handler', unit.code);
    if (at.getTime() > now.getTime() - 6 * 3_600_000 || rng.chance(0.12)) continue; // still with the unit
    later(rng.range(30, 240));
    await step(handler, 'start');
    later(rng.range(60, 2400));
    await step(handler, 'report_handled', evidence);
    if (rng.chance(0.15)) {
      later(rng.range(30, 180));
      await step(CHECKER, 'verify_fail', { comment: '现场复核未整改到位' });
      later(rng.range(60, 600));
      await step(handler, 'report_handled', evidence);
    }
    if (rng.chance(0.1)) continue; // waiting for verification
    later(rng.range(30, 240));
    await step(CHECKER, 'verify_pass');
    later(rng.range(10, 120));
    await step(DUTY, 'close');
  }
  return filed;
}
