// Case workflow speed: transitions per second through the case service (lock, version check, machine,
// deadlines from the calendar, row, event and audit entry in one transaction) against the bare SQL of the
// same row change and event insert, and caseKpis by district against a bare count of the same cases.
import type pg from 'pg';
import { loadCaseConfig } from '../../api/src/config.ts';
import { type CaseActor, createCase, transitionCase } from '../../api/src/dispatch/case.service.ts';
import { noListeners } from '../../api/src/live/event-publisher.ts';
import { WHOLE_CITY } from '../../api/src/store/area-params.ts';
import { findCaseKpis } from '../../api/src/store/case-kpis.repo.ts';

const N = 400;
const IN_FLIGHT = 4;

const officer: CaseActor = {
  audit: { kind: 'cli', id: null, name: 'bench', origin: { ip: null, userAgent: null } },
  role: 'duty_officer',
  unitCode: null,
  scope: null,
};

async function inParallel(n: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < n) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

export async function benchCases(pool: pg.Pool) {
  const config = loadCaseConfig({ CASE_SCHEDULER_MS: '0' }, '/tmp/city-one-map-bench');
  const deps = { pool, config, events: noListeners };
  const spots = (
    await pool.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM assets
         WHERE kind = 'building' ORDER BY id LIMIT $1) x`,
      [N * 2],
    )
  ).rows;
  const file = async (i: number) =>
    createCase(deps, officer, {
      source: 'hotline',
      categoryCode: 'SJ0699',
      urgency: null,
      description: 'bench',
      address: null,
      location: spots[i]!,
      assetCode: null,
      alertId: null,
      reporterName: null,
      reporterPhone: null,
      attachments: [],
    });
  const service = await Promise.all(Array.from({ length: N }, (_, i) => file(i)));
  const bare = await Promise.all(Array.from({ length: N }, (_, i) => file(N + i)));
  const input = { comment: null, unitCode: null, attachments: [], extensionMinutes: null, mergeInto: null };

  const serviceS = await inParallel(N, async (i) => {
    const c = service[i]!;
    await transitionCase(deps, officer, {
      id: c.caseId,
      action: 'register',
      version: c.version,
      input,
    });
  });
  const bareS = await inParallel(N, async (i) => {
    const c = bare[i]!;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT version FROM cases WHERE id = $1 FOR UPDATE', [c.caseId]);
      await client.query(
        `UPDATE cases SET state = 'registered', version = version + 1, stage_due_at = now() + interval '1 hour',
           due_at = now() + interval '3 days', updated_at = now() WHERE id = $1 AND version = $2`,
        [c.caseId, c.version],
      );
      await client.query(
        `INSERT INTO case_events (case_id, action, from_state, to_state, actor, actor_role)
         VALUES ($1, 'register', 'accepted', 'registered', 'bench', 'duty_officer')`,
        [c.caseId],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });

  const from = new Date(Date.now() - 30 * 86_400_000);
  const to = new Date(Date.now() + 30 * 86_400_000);
  const time = async (work: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await work();
      runs.push(performance.now() - t);
    }
    return runs.sort((a, b) => a - b)[7]!;
  };
  const kpiMs = await time(() =>
    findCaseKpis(pool, { scope: null, unitCode: null }, WHOLE_CITY, from, to, 'district', new Date()),
  );
  const countMs = await time(() =>
    pool.query(
      `SELECT district_code, count(*) FILTER (WHERE due_at >= $1 AND due_at < $2),
              count(*) FILTER (WHERE state = 'closed' AND due_at >= $1 AND due_at < $2)
       FROM cases GROUP BY district_code`,
      [from, to],
    ),
  );
  const cases = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0]!.n;
  return { n: N, servicePerS: N / serviceS, barePerS: N / bareS, kpiMs, countMs, cases };
}
