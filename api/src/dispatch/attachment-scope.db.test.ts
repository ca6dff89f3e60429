// Citing an attachment needs more than its id (issue 17, item 4): a case step may name only files its actor
// uploaded or can already see, by the rule GET /attachments/<id> serves by, so citing a file never shows it
// to anyone who could not see it before. Two officers who upload the same bytes are both uploaders.
import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { loadCaseConfig } from '../config.ts';
import { createPool } from '../store/db.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());
const config = loadCaseConfig({}, '/tmp/city-one-map-test');

const FUTIAN = '440304';
const NANSHAN = '440305';

const one = async <T = any>(sql: string, values: unknown[] = []) =>
  (await pool.query(sql, values)).rows[0] as T;

/** A photo no earlier run has stored: its bytes, so its hash, are new each time. */
function freshPhoto(): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width: 4, height: 4 });
  randomBytes(png.data.length).copy(png.data);
  return new Uint8Array(PNG.sync.write(png));
}

/** A point inside the district, a different one per call so duplicate checks do not interfere. */
let spot = 0;
async function pointIn(district: string): Promise<{ lon: number; lat: number }> {
  spot += 1;
  return one(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
       SELECT (ST_Dump(ST_GeneratePoints(boundary, 40, 17))).geom AS p FROM areas WHERE code = $1
     ) x OFFSET $2 LIMIT 1`,
    [district, spot],
  );
}

type Client = ReturnType<typeof graphqlClient>;
const officer = (area: string) =>
  graphqlClient(pool, { role: 'duty_officer', area, cases: config, log: () => undefined });

async function upload(client: Client, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const res = await client.request('/attachments', {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: bytes,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const CREATE = `mutation($input: CreateCaseInput!) {
  createCase(input: $input) { case { id trackingNo version state events { action attachments { id } } } } }`;
const TRANSITION = `mutation($id: ID!, $version: Int!, $attachments: [String!]) {
  transitionCase(id: $id, action: REGISTER, version: $version, attachments: $attachments) {
    id version state events { action attachments { id } } } }`;

async function createCase(client: Client, district: string, description: string, attachments: string[]) {
  return client.query<any>(CREATE, {
    input: {
      source: 'HOTLINE',
      category: 'SJ0699',
      description,
      location: await pointIn(district),
      attachments,
    },
  });
}

const counts = () =>
  one<{ cases: number; events: number }>(
    'SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events',
  );

describe('citing attachments', () => {
  const futian = officer(FUTIAN);
  const nanshan = officer(NANSHAN);

  it('another district’s photo cannot be cited by id; the same bytes uploaded by oneself can', async () => {
    const bytes = freshPhoto();
    const photo = await upload(futian, bytes);
    // On a Futian case, so everyone in Futian may see it.
    const filed = await createCase(futian, FUTIAN, '福田：井盖缺失（附照片）', [photo]);
    expect(filed.errors).toBeUndefined();
    expect(filed.data.createCase.case.events[0].attachments).toEqual([{ id: photo }]);
    expect((await futian.request(`/attachments/${photo}`)).status).toBe(200);
    expect((await nanshan.request(`/attachments/${photo}`)).status).toBe(404);

    // Nanshan names the Futian photo when filing a case: refused like an unknown id, nothing written.
    const before = await counts();
    const stolen = await createCase(nanshan, NANSHAN, '南山：引用福田照片', [photo]);
    expect(stolen.data).toBeNull();
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(stolen.errors?.[0]?.message).toBe(
      `no attachment ${photo} that you uploaded or can see; upload it to /attachments first`,
    );
    const unknown = await createCase(nanshan, NANSHAN, '南山：不存在的附件', ['0'.repeat(64)]);
    expect(unknown.errors?.[0]?.message).toBe(stolen.errors?.[0]?.message.replace(photo, '0'.repeat(64)));
    expect(await counts()).toEqual(before);
    expect(
      (await one('SELECT count(*)::int AS n FROM cases WHERE description = $1', ['南山：引用福田照片'])).n,
    ).toBe(0);

    // … or when taking a step on a Nanshan case: refused, the case and its events as they were.
    const own = await createCase(nanshan, NANSHAN, '南山：路灯不亮', []);
    expect(own.errors).toBeUndefined();
    const c = own.data.createCase.case;
    const beforeStep = await counts();
    const step = await nanshan.query<any>(TRANSITION, { id: c.id, version: c.version, attachments: [photo] });
    expect(step.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(beforeStep);
    const row = await one('SELECT state::text, version FROM cases WHERE tracking_no = $1', [c.trackingNo]);
    expect([row.state, row.version]).toEqual([c.state.toLowerCase(), c.version]);
    expect(
      (await one('SELECT count(*)::int AS n FROM case_events WHERE attachments @> ARRAY[$1]', [photo])).n,
    ).toBe(1);
    // Still not served to Nanshan.
    expect((await nanshan.request(`/attachments/${photo}`)).status).toBe(404);

    // A Nanshan officer who has the same bytes uploads them himself: now he may fetch and cite the file.
    expect(await upload(nanshan, bytes)).toBe(photo);
    expect((await nanshan.request(`/attachments/${photo}`)).status).toBe(200);
    const stepped = await nanshan.query<any>(TRANSITION, {
      id: c.id,
      version: c.version,
      attachments: [photo],
    });
    expect(stepped.errors).toBeUndefined();
    expect(stepped.data.transitionCase.events.at(-1)).toEqual({
      action: 'register',
      attachments: [{ id: photo }],
    });
    const cited = await createCase(nanshan, NANSHAN, '南山：同一张照片', [photo]);
    expect(cited.errors).toBeUndefined();
    expect(
      await pool
        .query(
          `SELECT actor_kind, actor_name FROM attachment_uploads WHERE hash = $1 ORDER BY uploaded_at, actor_name`,
          [photo],
        )
        .then((r) => r.rows.map((u) => u.actor_kind)),
    ).toEqual(['token', 'token']);
  });

  it('a photo on a case is citable by others who see that case, and by nobody outside it', async () => {
    const photo = await upload(futian, freshPhoto());
    expect((await createCase(futian, FUTIAN, '福田：占道经营（附照片）', [photo])).errors).toBeUndefined();
    // Another Futian officer (not the uploader) sees the case, so the photo, and may cite it.
    const colleague = officer(FUTIAN);
    expect((await colleague.request(`/attachments/${photo}`)).status).toBe(200);
    expect((await createCase(colleague, FUTIAN, '福田：同一处再次上报', [photo])).errors).toBeUndefined();
    // A Nanshan officer still does not.
    expect(
      (await createCase(officer(NANSHAN), NANSHAN, '南山：再试', [photo])).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
  });
});
