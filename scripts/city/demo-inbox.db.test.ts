// What `npm start` leaves for the demo accounts: on a scratch database with a small demo city, the demo users
// and the demo cases; then the demo unit handler signs in and asks, as the console does, for their inbox and
// for a case of another unit.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDefaultRules } from '../../api/src/alerts/default-rules.ts';
import { loadCaseConfig, loadConfig } from '../../api/src/config.ts';
import { createPool } from '../../api/src/store/db.ts';
import { migrate } from '../../api/src/store/migrate.ts';
import { type FilterValues, toCaseFilter } from '../../web/src/console/CaseFilters.tsx';
import { caseLoadProblem } from '../../web/src/console/case-load-problem.ts';
import { type CaseRow, fetchCase, fetchCases } from '../../web/src/data/cases.ts';
import { DEMO_PASSWORD, ensureDemoUsers } from '../access/demo-users.ts';
import { graphqlClient } from '../test/graphql-client.ts';
import { createScratchDatabase } from '../test/test-database.ts';
import { seedDemoCases } from './demo-cases.ts';
import { INBOX } from './demo-inbox.ts';
import { generateCity } from './generate.ts';
import { loadCity } from './load.ts';
import { loadReference } from './reference.ts';
import { REFERENCE_DIR } from './seed-city.ts';

const SMALL = { buildings: 600, sites: 10, slopes: 10, waterloggingPoints: 10, historyDays: 1 };

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let pool: ReturnType<typeof createPool>;
let unitCode: string;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  pool = createPool(scratch.url);
  await migrate(pool, loadConfig({}).migrationsDir);
  await installDefaultRules(pool);
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  await loadCity(pool, generateCity(loadReference(REFERENCE_DIR), SMALL, 1, now));
  await ensureDemoUsers(pool);
  await seedDemoCases(pool, loadCaseConfig({}, '/tmp/city-one-map-test'), 1);
  const { rows } = await pool.query<{ unit_code: string }>(
    "SELECT unit_code FROM users WHERE username = 'handler'",
  );
  unitCode = rows[0]!.unit_code;

  // The console's own requests, sent to the app with the session cookie of the demo handler.
  const { app } = graphqlClient(pool, { log: () => undefined });
  const login = await app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'handler', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    return app.request(input, { ...init, headers });
  });
}, 240_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  await pool?.end();
  await scratch?.drop();
});

const HANDLER_FILTER: FilterValues = { state: 'todo', category: '', source: '', overdue: false, text: '' };

describe('the demo unit handler', () => {
  it('opens the console to an inbox of their unit’s open cases, in the states a handler acts on', async () => {
    const inbox = await fetchCases(toCaseFilter(HANDLER_FILTER));
    const todo = INBOX.filter((s) => !s.after.some(([, action]) => action === 'report_handled')).length;
    expect(inbox.total).toBeGreaterThanOrEqual(todo);
    expect(inbox.rows.every((r) => r.unitCode === unitCode)).toBe(true);
    const states = new Set(inbox.rows.map((r) => r.state));
    expect([...states].sort()).toEqual(['DISPATCHED', 'HANDLING']);
    const ours = (test: (r: CaseRow) => boolean) => inbox.rows.filter(test).length;
    expect(
      ours((r) => r.reworkCount > 0),
      'sent back for rework',
    ).toBeGreaterThan(0);
    expect(
      ours((r) => r.urgency === 'URGENT'),
      'urgent',
    ).toBeGreaterThan(0);
    expect(
      ours((r) => r.overdue),
      'overdue',
    ).toBeGreaterThan(0);

    // Each case in the inbox offers the handler something to do; the pending extension is visible.
    const details = await Promise.all(inbox.rows.map((r) => fetchCase(r.id)));
    for (const d of details) expect(d.allowedActions).toContain('REPORT_HANDLED');
    expect(details.some((d) => d.allowedActions.includes('START'))).toBe(true);
    expect(details.some((d) => d.extensionPending !== null)).toBe(true);

    // All open cases (在办) also show the one reported handled, waiting for the duty officer's check.
    const open = await fetchCases(toCaseFilter({ ...HANDLER_FILTER, state: 'open' }));
    expect(open.rows.map((r) => r.state)).toContain('HANDLED');
  });

  it('opening another unit’s case gets the panel’s "not found or not yours" notice, not a blank', async () => {
    const { rows } = await pool.query<{ id: string }>(
      'SELECT id::text FROM cases WHERE unit_code <> $1 ORDER BY id LIMIT 1',
      [unitCode],
    );
    const error = await fetchCase(Buffer.from(`Case:${rows[0]!.id}`).toString('base64')).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(caseLoadProblem(error)).toBe('NOT_FOUND');
  });
});
