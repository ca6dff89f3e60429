// A district-scoped caller never receives a row outside the district, through any entry point. Each root
// field of the schema is listed here; a new entry point fails the coverage test until it is proven too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, TEST_ACTOR } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { loadCaseConfig } from '../config.ts';
import { createCase, transitionCase } from '../dispatch/case.service.ts';
import { schema } from '../graphql/schema.ts';
import { noListeners } from '../live/event-publisher.ts';
import { createPool } from '../store/db.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());
const one = async (sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows[0];

const FUTIAN = '440304';
const LUOHU = '440303';
const futian = graphqlClient(pool, { role: 'duty_officer', area: FUTIAN, log: () => undefined });
const city = graphqlClient(pool, { role: 'analyst' });
const gid = (type: string, id: string | number) => Buffer.from(`${type}:${id}`).toString('base64');

let outside: { building: { id: number; code: string; lon: number; lat: number }; deviceId: number };
let inside: { building: { id: number; code: string }; deviceId: number; street: string };

beforeAll(async () => {
  const building = (district: string) =>
    one(
      `SELECT a.id, a.code, ST_X(ST_Centroid(a.geom)) AS lon, ST_Y(ST_Centroid(a.geom)) AS lat
       FROM assets a WHERE a.kind = 'building' AND a.district_code = $1 ORDER BY a.id LIMIT 1`,
      [district],
    );
  const device = (district: string) =>
    one(
      'SELECT d.id FROM devices d JOIN assets a ON a.id = d.asset_id WHERE a.district_code = $1 ORDER BY d.id LIMIT 1',
      [district],
    );
  outside = { building: await building(LUOHU), deviceId: (await device(LUOHU)).id };
  inside = {
    building: await building(FUTIAN),
    deviceId: (await device(FUTIAN)).id,
    street: (
      await one("SELECT code FROM areas WHERE parent_code = $1 AND level = 'street' ORDER BY code", [FUTIAN])
    ).code,
  };
});

async function ok<T = any>(client: typeof futian, query: string, variables: Record<string, unknown> = {}) {
  const res = await client.query<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** Root fields proven below; the coverage test compares this with the schema. */
const COVERED = new Set<string>();
const covers = (...fields: string[]) => {
  for (const f of fields) COVERED.add(f);
};

describe('a district-scoped caller', () => {
  it('assets: every page and count is the district', async () => {
    covers('assets');
    const data = await ok(
      futian,
      '{ assets(first: 500) { totalCount edges { node { district { code } } } } }',
    );
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM assets WHERE district_code = $1', [
      FUTIAN,
    ]);
    expect(data.assets.totalCount).toBe(rows[0].n);
    expect(new Set(data.assets.edges.map((e: any) => e.node.district.code))).toEqual(new Set([FUTIAN]));
    // asking for the neighbouring district by code is refused; a polygon over both is cut to the district
    const other = await futian.query(`{ assets(filter: { area: { code: "${LUOHU}" } }) { totalCount } }`);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bbox = await ok(
      futian,
      '{ assets(filter: { area: { bbox: [113.9, 22.45, 114.3, 22.7] } }, first: 500) { edges { node { district { code } } } } }',
    );
    expect(new Set(bbox.assets.edges.map((e: any) => e.node.district.code))).toEqual(new Set([FUTIAN]));
  });

  it('asset(code): an asset outside is NOT_FOUND, as if it did not exist', async () => {
    covers('asset');
    const res = await futian.query(`{ asset(code: "${outside.building.code}") { code } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await ok(futian, `{ asset(code: "${inside.building.code}") { code } }`)).asset.code).toBe(
      inside.building.code,
    );
    expect((await ok(city, `{ asset(code: "${outside.building.code}") { code } }`)).asset.code).toBe(
      outside.building.code,
    );
  });

  it('node and nodes: buildings, devices and areas outside resolve to null', async () => {
    covers('node', 'nodes');
    const ids = [
      gid('Building', outside.building.id),
      gid('Device', outside.deviceId),
      gid('Area', LUOHU),
      gid('Building', inside.building.id),
      gid('Device', inside.deviceId),
      gid('Area', inside.street),
      gid('Area', '440300'),
    ];
    const data = await ok(futian, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(data.nodes.map((n: any) => n?.id ?? null)).toEqual([null, null, null, ...ids.slice(3)]);
    for (const id of ids.slice(0, 3)) {
      expect((await ok(futian, 'query($id: ID!) { node(id: $id) { id } }', { id })).node).toBeNull();
    }
    const all = await ok(city, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(all.nodes.every((n: any) => n !== null)).toBe(true);
  });

  it('nearest: from a point in another district, only the district’s assets', async () => {
    covers('nearest');
    const point = { type: 'Point', coordinates: [outside.building.lon, outside.building.lat] };
    const q = 'query($p: GeoJSON!) { nearest(point: $p, k: 20) { asset { district { code } } } }';
    const data = await ok(futian, q, { p: point });
    expect(data.nearest).toHaveLength(20);
    expect(new Set(data.nearest.map((n: any) => n.asset.district.code))).toEqual(new Set([FUTIAN]));
    expect((await ok(city, q, { p: point })).nearest[0].asset.district.code).toBe(LUOHU);
  });

  it('proximity: subjects and targets both inside', async () => {
    covers('proximity');
    const data = await ok(
      futian,
      '{ proximity(subjectKinds: [BUILDING], targetKinds: [STREET_LAMP, BUILDING], withinM: 60, first: 500) { totalCount edges { node { subject { district { code } } target { district { code } } } } } }',
    );
    expect(data.proximity.totalCount).toBeGreaterThan(0);
    const codes = data.proximity.edges.flatMap((e: any) => [
      e.node.subject.district.code,
      e.node.target.district.code,
    ]);
    expect(new Set(codes)).toEqual(new Set([FUTIAN]));
  });

  it('areaStats: the city is the district’s part of it; a street of it is allowed', async () => {
    covers('areaStats');
    const Q = 'query($a: AreaInput!) { areaStats(area: $a) { assets buildings devicesTotal } }';
    const scopedCity = await ok(futian, Q, { a: { code: '440300' } });
    const district = await ok(city, Q, { a: { code: FUTIAN } });
    expect(scopedCity.areaStats).toEqual(district.areaStats);
    const drawn = await ok(futian, Q, { a: { bbox: [113.75, 22.4, 114.4, 22.85] } });
    expect(drawn.areaStats.assets).toBeLessThanOrEqual(district.areaStats.assets);
    expect((await futian.query(Q, { a: { code: LUOHU } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(futian, Q, { a: { code: inside.street } })).areaStats.assets).toBeGreaterThan(0);
  });

  it('areas and area: the district, what lies above it and what lies in it; never a sibling', async () => {
    covers('areas', 'area');
    const districts = await ok(futian, '{ areas(level: DISTRICT) { totalCount edges { node { code } } } }');
    expect(districts.areas.edges.map((e: any) => e.node.code)).toEqual([FUTIAN]);
    expect(districts.areas.totalCount).toBe(1);
    const cityArea = await ok(futian, '{ area(code: "440300") { children { code } } }');
    expect(cityArea.area.children.map((c: any) => c.code)).toEqual([FUTIAN]);
    expect((await futian.query(`{ area(code: "${LUOHU}") { name } }`)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const streets = await ok(futian, `{ area(code: "${inside.street}") { parent { code } boundary } }`);
    expect(streets.area.parent.code).toBe(FUTIAN);
  });

  it('devices and series come only through assets inside', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Device { code datastreams { metric { key } } } } }`;
    const device = await ok(futian, q, { id: gid('Device', inside.deviceId) });
    expect(device.node.datastreams.length).toBeGreaterThan(0);
  });

  it('the map outlines (/api/areas) are cut to the district', async () => {
    const res = await futian.request('/api/areas?level=district');
    expect(res.status).toBe(200);
    const fc = (await res.json()) as any;
    expect(fc.features.map((f: any) => f.id)).toEqual([FUTIAN]);
    const all = (await (await city.request('/api/areas?level=district')).json()) as any;
    expect(all.features.length).toBeGreaterThan(5);
  });

  it('a street-scoped caller sees the street only', async () => {
    const street = graphqlClient(pool, { role: 'leader', area: inside.street, log: () => undefined });
    const data = await ok(street, '{ assets(first: 500) { totalCount edges { node { street { code } } } } }');
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM assets WHERE street_code = $1', [
      inside.street,
    ]);
    expect(data.assets.totalCount).toBe(rows[0].n);
    expect(new Set(data.assets.edges.map((e: any) => e.node.street.code))).toEqual(new Set([inside.street]));
    const districts = await ok(
      street,
      '{ areas(level: STREET, parentCode: "440304") { edges { node { code } } } }',
    );
    expect(districts.areas.edges.map((e: any) => e.node.code)).toEqual([inside.street]);
  });

  it('the viewer and the admin fields', async () => {
    covers('me', 'users', 'apiTokens', 'auditLog', 'mqttCredentials', 'mqttRefusals');
    const me = await ok(futian, '{ me { kind role area { code } permissions } }');
    expect(me.me).toMatchObject({ kind: 'TOKEN', role: 'DUTY_OFFICER', area: { code: FUTIAN } });
    for (const field of [
      'users { id }',
      'apiTokens { id }',
      'auditLog { totalCount }',
      'mqttCredentials { username }',
      'mqttRefusals { total }',
    ]) {
      const res = await futian.query(`{ ${field} }`);
      expect(res.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
  });
});

describe('alerts', () => {
  it('alerts: a district caller sees only alerts on its assets; alertRules is configuration, open to all', async () => {
    covers('alerts', 'alertRules');
    const raise = async (deviceId: number) =>
      (
        await pool.query(
          `INSERT INTO alerts (rule_id, device_id, asset_id, severity, peak_severity, started_at, updated_at, details)
           SELECT (SELECT id FROM alert_rules ORDER BY id LIMIT 1), d.id, d.asset_id, 'red', 'red', now(), now(), '{}'
           FROM devices d WHERE d.id = $1
           ON CONFLICT (rule_id, device_id) WHERE cleared_at IS NULL DO UPDATE SET updated_at = now()
           RETURNING id`,
          [deviceId],
        )
      ).rows[0].id as number;
    const [luohuAlert, futianAlert] = [await raise(outside.deviceId), await raise(inside.deviceId)];
    const q = '{ alerts(first: 500) { totalCount edges { node { id asset { code } } } } }';
    const seen = (d: any) => d.alerts.edges.map((e: any) => e.node.id);
    const mine = await ok(futian, q);
    expect(seen(mine)).toContain(gid('Alert', futianAlert));
    expect(seen(mine)).not.toContain(gid('Alert', luohuAlert));
    expect(mine.alerts.totalCount).toBe(mine.alerts.edges.length);
    expect(seen(await ok(city, q))).toContain(gid('Alert', luohuAlert));
    const node = await ok(futian, `{ node(id: "${gid('Alert', luohuAlert)}") { id } }`);
    expect(node.node).toBeNull();
    const luohu = await futian.query(`{ alerts(filter: { area: { code: "${LUOHU}" } }) { totalCount } }`);
    expect(luohu.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ack = await futian.query(`mutation { acknowledgeAlert(id: "${luohuAlert}", comment: "x") { id } }`);
    expect(ack.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await ok(futian, '{ alertRules { code } }')).alertRules.length).toBeGreaterThan(5);
  });
});

describe('cases', () => {
  it('cases, caseKpis and node: a district caller gets its district; a unit handler its unit; caseCategories is open', async () => {
    covers('cases', 'caseKpis', 'caseCategories');
    const file = async (district: string) => {
      const at = await one(
        `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(boundary) AS p FROM areas WHERE code = $1) x`,
        [district],
      );
      const made = await createCase(
        { pool, config: loadCaseConfig({}, '/tmp/city-one-map-test'), events: noListeners },
        { audit: TEST_ACTOR, role: 'duty_officer', unitCode: null, scope: null },
        {
          source: 'hotline',
          categoryCode: 'SJ0699',
          urgency: null,
          description: `scope test ${district}`,
          address: null,
          location: at,
          assetCode: null,
          alertId: null,
          reporterName: null,
          reporterPhone: null,
          attachments: [],
        },
      );
      return made;
    };
    const mine = await file(FUTIAN);
    const theirs = await file(LUOHU);
    const list = await ok(
      futian,
      '{ cases(first: 500, filter: { order: "new" }) { totalCount edges { node { trackingNo districtCode } } } }',
    );
    const districts = new Set(list.cases.edges.map((e: any) => e.node.districtCode));
    expect([...districts]).toEqual([FUTIAN]);
    const numbers = list.cases.edges.map((e: any) => e.node.trackingNo);
    expect(numbers).toContain(mine.trackingNo);
    expect(numbers).not.toContain(theirs.trackingNo);
    expect((await ok(futian, `{ node(id: "${gid('Case', theirs.caseId)}") { id } }`)).node).toBeNull();
    const refused = await futian.query(
      `mutation { transitionCase(id: "${theirs.caseId}", action: REGISTER, version: ${theirs.version}) { id } }`,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const kpis = await ok(
      futian,
      `{ caseKpis(from: "2026-01-01T00:00:00Z", to: "2028-01-01T00:00:00Z", groupBy: DISTRICT) { key reported } }`,
    );
    expect(kpis.caseKpis.map((k: any) => k.key)).toEqual([FUTIAN]);
    // A unit handler sees the cases dispatched to their unit, nothing else.
    const unit = (
      await one(
        "SELECT code FROM responsible_units WHERE area_code = $1 AND kind = 'street_office' ORDER BY code",
        [inside.street],
      )
    ).code;
    const deps = { pool, config: loadCaseConfig({}, '/tmp/city-one-map-test'), events: noListeners };
    const officer = { audit: TEST_ACTOR, role: 'duty_officer', unitCode: null, scope: null } as const;
    const input = { comment: null, unitCode: unit, attachments: [], extensionMinutes: null, mergeInto: null };
    const registered = await transitionCase(deps, officer, {
      id: mine.caseId,
      action: 'register',
      version: mine.version,
      input,
    });
    await transitionCase(deps, officer, {
      id: mine.caseId,
      action: 'dispatch',
      version: registered.version,
      input,
    });
    const handler = graphqlClient(pool, {
      role: 'unit_handler',
      area: FUTIAN,
      unitCode: unit,
      log: () => undefined,
    });
    const inbox = await ok(handler, '{ cases(first: 500) { edges { node { trackingNo unitCode } } } }');
    expect(inbox.cases.edges.map((e: any) => e.node.trackingNo)).toContain(mine.trackingNo);
    expect(new Set(inbox.cases.edges.map((e: any) => e.node.unitCode))).toEqual(new Set([unit]));
    expect((await ok(futian, '{ caseCategories { code } }')).caseCategories.length).toBeGreaterThan(10);
  });
  it('alertTrend, caseTrend, alertDensity and the analysis tables: the city is the district’s part of it', async () => {
    covers('alertTrend', 'caseTrend', 'alertDensity');
    const q = `query ($area: AreaInput) {
      alertTrend(area: $area, from: "2023-01-01T00:00:00Z", to: "2027-12-01T00:00:00Z", interval: MONTH) { total }
      caseTrend(area: $area, from: "2023-01-01T00:00:00Z", to: "2027-12-01T00:00:00Z", interval: MONTH) { total { reported due } }
      alertDensity(area: $area, from: "2023-01-01T00:00:00Z", to: "2027-12-01T00:00:00Z") { count }
    }`;
    const mine = (await futian.query<any>(q)).data!;
    const theirs = (await city.query<any>(q, { area: { code: FUTIAN } })).data!;
    expect(mine.alertTrend.total).toBe(theirs.alertTrend.total);
    expect(mine.caseTrend.total).toEqual(theirs.caseTrend.total);
    const sum = (cells: { count: number }[]) => cells.reduce((s, c) => s + c.count, 0);
    expect(sum(mine.alertDensity)).toBe(sum(theirs.alertDensity));
    const res = await futian.request('/api/analysis/assets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        area: { bbox: [113.7, 22.4, 114.7, 22.9] },
        sort: { by: 'district', dir: 'desc' },
      }),
    });
    const page = (await res.json()) as { total: number; rows: { districtCode: string }[] };
    expect(page.total).toBe(
      (await one('SELECT count(*)::int AS n FROM assets WHERE district_code = $1', [FUTIAN])).n,
    );
    expect(new Set(page.rows.map((r) => r.districtCode))).toEqual(new Set([FUTIAN]));
  });
});

describe('coverage', () => {
  it('proves every root query field above', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields()).sort();
    expect(fields.filter((f) => !COVERED.has(f))).toEqual([]);
  });
});
