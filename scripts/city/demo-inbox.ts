// The demo unit handlers' inboxes. A handler who signs in for the first time finds open cases of their unit
// in the states a handler works on: just dispatched (待接单, one urgent), in hand (处置中), sent back after a
// failed check (返工), waiting on an extension (延期待批), long overdue; and one reported handled, waiting for
// the duty officer's check. Each is filed on an asset the unit serves, with a category that fits both, and
// walked there through the real case workflow. Deterministic per seed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { CaseConfig } from '../../api/src/config.ts';
import type { TransitionInput } from '../../api/src/dispatch/case.service.ts';
import type { CaseAction, Urgency } from '../../api/src/domain/codes.ts';
import { queryRows } from '../../api/src/store/db.ts';
import { loadSql } from '../../api/src/store/sql-file.ts';
import { CHECKER, DemoCase, type DemoFiling, DUTY, demoDescription, person } from './demo-case-script.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const HANDLERS = loadSql(SQL_DIR, 'demo_unit_handlers');
const PLACES = loadSql(SQL_DIR, 'demo_inbox_places');

/** What the unit (or the checker) did after dispatch: who, what, and minutes after the step before. */
type Move = readonly [who: 'handler' | 'checker', action: CaseAction, minutes: number];

interface Scenario {
  source: DemoFiling['source'];
  urgency: Urgency | null;
  /** When it was reported, in hours before now. */
  hoursAgo: number;
  after: readonly Move[];
}

/** One inbox, in the order the cases are filed. */
export const INBOX: readonly Scenario[] = [
  { source: 'citizen', urgency: null, hoursAgo: 3, after: [] },
  { source: 'hotline', urgency: 'urgent', hoursAgo: 1.5, after: [] },
  { source: 'patrol', urgency: null, hoursAgo: 28, after: [['handler', 'start', 90]] },
  {
    source: 'citizen',
    urgency: null,
    hoursAgo: 76,
    after: [
      ['handler', 'start', 60],
      ['handler', 'report_handled', 1200],
      ['checker', 'verify_fail', 240],
    ],
  },
  {
    source: 'hotline',
    urgency: null,
    hoursAgo: 54,
    after: [
      ['handler', 'start', 120],
      ['handler', 'request_extension', 600],
    ],
  },
  { source: 'patrol', urgency: null, hoursAgo: 15 * 24, after: [] }, // past its deadline even across a holiday
  {
    source: 'citizen',
    urgency: null,
    hoursAgo: 30,
    after: [
      ['handler', 'start', 60],
      ['handler', 'report_handled', 900],
    ],
  },
];

/** What a step of a scenario comes with: a comment where one is needed, the photo of the result. */
function inputFor(action: CaseAction, photo: string): Partial<TransitionInput> {
  switch (action) {
    case 'report_handled':
      return { comment: '已到现场处置，请核查', attachments: [photo] };
    case 'verify_fail':
      return { comment: '现场复核未整改到位，请返工' };
    case 'request_extension':
      return { comment: '需协调业主进场施工，申请延期两个工作日', extensionMinutes: 900 };
    default:
      return {};
  }
}

/** Fills the inbox of every demo unit handler's unit; returns how many cases it filed. */
export async function seedDemoInboxes(
  pool: pg.Pool,
  config: CaseConfig,
  seed: number,
  photo: string,
  now: Date,
): Promise<number> {
  const handlers = await queryRows<{ username: string; unit_code: string }>(
    pool,
    HANDLERS,
    [],
    'finding the demo unit handlers',
  );
  let filed = 0;
  for (const { username, unit_code: unitCode } of handlers) {
    const places = await queryRows<{ code: string; category_code: string; category_name: string }>(
      pool,
      PLACES,
      [unitCode, String(seed), INBOX.length],
      'picking places for a demo inbox',
    );
    const actors = { handler: person(username, 'unit_handler', unitCode), checker: CHECKER };
    for (const [i, place] of places.entries()) {
      const scenario = INBOX[i]!;
      const c = await DemoCase.file(
        pool,
        config,
        {
          source: scenario.source,
          categoryCode: place.category_code,
          description: demoDescription(place.category_name),
          assetCode: place.code,
          urgency: scenario.urgency,
        },
        new Date(now.getTime() - scenario.hoursAgo * 3_600_000),
        now,
      );
      filed += 1;
      if ((await c.state()) === 'reported') await c.later(20).step(DUTY, 'accept');
      await c.later(15).step(DUTY, 'register');
      await c.later(10).step(DUTY, 'dispatch', { unitCode });
      for (const [who, action, minutes] of scenario.after) {
        await c.later(minutes).step(actors[who], action, inputFor(action, photo));
      }
    }
  }
  return filed;
}
