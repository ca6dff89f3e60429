// The bad-input campaign: every generated case (scripts/test/bad-inputs.ts) gets a 4xx or a typed GraphQL
// error — never a 5xx or INTERNAL — nothing is written, and the server keeps answering. Prints how many
// inputs were tried per family (the README reports the figure).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BadInput, generateBadInputs, TYPED_ERROR_CODES } from '../../../scripts/test/bad-inputs.ts';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { createPool } from '../store/db.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());

const logged: string[] = [];
const analyst = graphqlClient(pool, { role: 'analyst', log: (l) => logged.push(l) });
const admin = graphqlClient(pool, { role: 'admin', log: (l) => logged.push(l) });

const TYPED = new Set(TYPED_ERROR_CODES);

async function counts() {
  const { rows } = await pool.query(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM api_tokens)::int AS tokens,
            (SELECT count(*) FROM sessions)::int AS sessions, (SELECT count(*) FROM assets)::int AS assets,
            (SELECT count(*) FROM areas)::int AS areas, (SELECT count(*) FROM cases)::int AS cases,
            (SELECT count(*) FROM case_events)::int AS case_events,
            (SELECT count(*) FROM attachments)::int AS attachments`,
  );
  return rows[0];
}

async function send(c: BadInput): Promise<{ status: number; codes: string[] }> {
  const client = c.kind === 'graphql' && c.as === 'admin' ? admin : analyst;
  const res =
    c.kind === 'graphql'
      ? await client.request('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: c.query, variables: c.variables ?? {} }),
        })
      : await client.request(c.path, {
          method: c.method,
          headers: c.headers ?? {},
          ...(c.body !== undefined && { body: c.body }),
        });
  const text = await res.text();
  let codes: string[] = [];
  try {
    const body = JSON.parse(text);
    codes = (body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code ?? 'NONE');
    if (body.error?.code) codes.push(body.error.code);
  } catch {}
  return { status: res.status, codes };
}

describe('the bad-input campaign', () => {
  const cases = generateBadInputs(1);
  let before: Awaited<ReturnType<typeof counts>>;
  beforeAll(async () => {
    await analyst.token(); // the clients' tokens exist before the counts are taken
    await admin.token();
    before = await counts();
  });

  it(`answers all ${cases.length} generated bad inputs with a 4xx or a typed error, writing nothing`, async () => {
    const failures: string[] = [];
    const families = new Map<string, number>();
    let accepted = 0; // valid after all (e.g. a search for "'; DROP TABLE"): answered, harmlessly
    for (const c of cases) {
      families.set(c.family, (families.get(c.family) ?? 0) + 1);
      const { status, codes } = await send(c);
      const describeCase = `${c.family}: ${c.kind === 'graphql' ? `${c.query.slice(0, 80)} ${JSON.stringify(c.variables ?? {}).slice(0, 120)}` : `${c.method} ${c.path.slice(0, 80)} ${(c.body ?? '').slice(0, 40)}`}`;
      if (status >= 500) failures.push(`${status} ${describeCase}`);
      else if (status === 200 && codes.length === 0) accepted++;
      else if (codes.some((code) => !TYPED.has(code))) failures.push(`${codes.join(',')} ${describeCase}`);
      else if (status === 200 && c.kind === 'http' && !c.path.startsWith('/graphql'))
        failures.push(`200 ${describeCase}`);
    }
    console.log(
      `bad-input campaign: ${cases.length} inputs (${cases.length - accepted} refused with a 4xx or typed ` +
        `error, ${accepted} valid after all and answered) — ${[...families].map(([f, n]) => `${f} ${n}`).join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(logged.filter((l) => /unexpected|error serving/.test(l))).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('keeps answering afterwards', async () => {
    const res = await analyst.query<{ area: { name: string } }>('{ area(code: "440304") { name } }');
    expect(res.data?.area.name).toBe('福田区');
  });
});
