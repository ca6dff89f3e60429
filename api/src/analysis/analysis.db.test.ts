// The analyst's questions against the real database: alert and case trends per CST bucket, alert hexagons,
// the asset and alert tables with their CSV and GeoJSON downloads (rows equal the table, Excel-safe, audited,
// only for those allowed to export), and typed errors for bad areas and bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { createPool } from '../store/db.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
const analyst = graphqlClient(pool, { role: 'analyst' });
const leader = graphqlClient(pool, { role: 'leader' });

const STREET = '440304001';
const alertIds: number[] = [];
const caseIds: number[] = [];
let device: { id: number; asset_id: number; lon: number; lat: number };

beforeAll(async () => {
  const { rows } = await pool.query<typeof device>(
    `SELECT d.id, d.asset_id::int AS asset_id, ST_X(d.location) AS lon, ST_Y(d.location) AS lat
     FROM devices d JOIN assets a ON a.id = d.asset_id
     WHERE a.street_code = $1 AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.device_id = d.id)
     ORDER BY d.id LIMIT 1`,
    [STREET],
  );
  device = rows[0]!;
  const { rows: rule } = await pool.query<{ id: number }>('SELECT id FROM alert_rules ORDER BY id LIMIT 1');
  // Raised 10 Nov 10:00, 11 Nov 01:00 (red) and 11 Nov 23:30 CST; the last one is still active.
  for (const [at, severity, cleared] of [
    ['2026-11-10T10:00:00+08:00', 'yellow', '2026-11-10T11:00:00+08:00'],
    ['2026-11-11T01:00:00+08:00', 'red', '2026-11-11T02:00:00+08:00'],
    ['2026-11-11T23:30:00+08:00', 'orange', null],
  ] as const) {
    const { rows: inserted } = await pool.query<{ id: number }>(
      `INSERT INTO alerts (rule_id, device_id, asset_id, severity, peak_severity, started_at, updated_at, cleared_at)
       VALUES ($1, $2, $3, $4, $4, $5, $5, $6) RETURNING id::int`,
      [rule[0]!.id, device.id, device.asset_id, severity, at, cleared],
    );
    alertIds.push(inserted[0]!.id);
  }
  // Two cases due on 10 Nov: one closed on time, one closed late; filed on 9 Nov.
  for (const closedAt of ['2026-11-10T09:00:00+08:00', '2026-11-10T20:00:00+08:00']) {
    const { rows: inserted } = await pool.query<{ id: number }>(
      `INSERT INTO cases (tracking_no, state, source, category_code, description, location, district_code, street_code,
                          created_by, created_at, due_at, closed_at)
       VALUES (lpad((floor(random() * 1e15))::bigint::text, 16, '9'), 'closed', 'patrol', 'BJ0501', 'test case',
               ST_SetSRID(ST_MakePoint($1, $2), 4326), '440304', $3, 'test', '2026-11-09T10:00:00+08:00',
               '2026-11-10T12:00:00+08:00', $4) RETURNING id::int`,
      [device.lon, device.lat, STREET, closedAt],
    );
    caseIds.push(inserted[0]!.id);
  }
});

afterAll(async () => {
  await pool.query('DELETE FROM alerts WHERE id = ANY ($1)', [alertIds]);
  await pool.query('DELETE FROM cases WHERE id = ANY ($1)', [caseIds]);
  await pool.end();
});

const TREND = `query ($area: AreaInput, $from: DateTime!, $to: DateTime!, $interval: TrendInterval) {
  alertTrend(area: $area, from: $from, to: $to, interval: $interval) {
    total bySeverity { key count } byKind { key count } buckets { start total bySeverity { key count } }
  }
  caseTrend(area: $area, from: $from, to: $to, interval: $interval) {
    total { reported due closed closedOnTime closureRate onTimeRate } buckets { start reported due closed }
  }
  alertDensity(area: $area, from: $from, to: $to, cellM: 300) { count worstSeverity hexagon }
}`;

type Trend = {
  alertTrend: {
    total: number;
    bySeverity: { key: string; count: number }[];
    buckets: { start: string; total: number; bySeverity: { key: string; count: number }[] }[];
  };
  caseTrend: {
    total: {
      reported: number;
      due: number;
      closed: number;
      closedOnTime: number;
      closureRate: number;
      onTimeRate: number;
    };
    buckets: { start: string; reported: number; due: number }[];
  };
  alertDensity: { count: number; worstSeverity: string; hexagon: { type: string } }[];
};

/** A small square around the device, as a drawn polygon. */
const around = (lon: number, lat: number, d = 0.001) => ({
  polygon: {
    type: 'Polygon',
    coordinates: [
      [
        [lon - d, lat - d],
        [lon + d, lat - d],
        [lon + d, lat + d],
        [lon - d, lat + d],
        [lon - d, lat - d],
      ],
    ],
  },
});

describe('trends and density', () => {
  it('count alerts and cases per CST day, by severity, for a street and a drawn polygon', async () => {
    const vars = { from: '2026-11-09T00:00:00+08:00', to: '2026-11-12T00:00:00+08:00', interval: 'DAY' };
    for (const area of [{ code: STREET }, around(device.lon, device.lat)]) {
      const { data, errors } = await analyst.query<Trend>(TREND, { ...vars, area });
      expect(errors).toBeUndefined();
      const trend = data!.alertTrend;
      expect(trend.total).toBe(3);
      expect(trend.buckets.map((b) => [b.start, b.total])).toEqual([
        ['2026-11-08T16:00:00.000Z', 0],
        ['2026-11-09T16:00:00.000Z', 1],
        ['2026-11-10T16:00:00.000Z', 2],
      ]);
      expect(trend.bySeverity).toEqual([
        { key: 'ORANGE', count: 1 },
        { key: 'RED', count: 1 },
        { key: 'YELLOW', count: 1 },
      ]);
      const cells = data!.alertDensity;
      expect(cells.reduce((s, c) => s + c.count, 0)).toBe(3);
      expect(cells[0]!.worstSeverity).toBe('RED');
      expect(cells[0]!.hexagon.type).toBe('Polygon');
      const cases = data!.caseTrend;
      expect(cases.total).toMatchObject({
        reported: 2,
        due: 2,
        closed: 2,
        closedOnTime: 1,
        closureRate: 1,
        onTimeRate: 0.5,
      });
      expect(cases.buckets.map((b) => [b.reported, b.due])).toEqual([
        [2, 0],
        [0, 2],
        [0, 0],
      ]);
    }
    // Hours over half a day; the period's first bucket starts at the hour holding "from".
    const hours = await analyst.query<Trend>(TREND, {
      area: { code: STREET },
      from: '2026-11-11T00:30:00+08:00',
      to: '2026-11-11T12:00:00+08:00',
      interval: 'HOUR',
    });
    expect(hours.data!.alertTrend.buckets).toHaveLength(12);
    expect(hours.data!.alertTrend.total).toBe(1);
  });

  it('refuse bad periods and areas with typed errors', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ area: { code: STREET }, from: '2026-11-12T00:00:00Z', to: '2026-11-11T00:00:00Z' }, 'INVALID_INPUT'],
      [
        {
          area: { code: STREET },
          from: '2020-01-01T00:00:00Z',
          to: '2026-11-11T00:00:00Z',
          interval: 'HOUR',
        },
        'LIMIT_EXCEEDED',
      ],
      [{ area: { code: 'ZZ9999' }, from: '2026-11-01T00:00:00Z', to: '2026-11-11T00:00:00Z' }, 'NOT_FOUND'],
      [
        {
          area: {
            polygon: {
              type: 'Polygon',
              coordinates: [
                [
                  [114.0, 22.5],
                  [114.1, 22.6],
                  [114.1, 22.5],
                  [114.0, 22.6],
                  [114.0, 22.5],
                ],
              ],
            },
          },
          from: '2026-11-01T00:00:00Z',
          to: '2026-11-11T00:00:00Z',
        },
        'INVALID_GEOMETRY',
      ],
    ];
    for (const [vars, code] of bad) {
      const { errors } = await analyst.query(TREND, vars);
      expect(errors?.[0]?.extensions?.code).toBe(code);
    }
  });
});

async function post(client: typeof analyst, path: string, body: unknown) {
  return client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the asset and alert tables and their downloads', () => {
  type Page = {
    total: number;
    truncated: boolean;
    rows: { code: string; heightM: number | null; kind: string }[];
  };

  it('list the assets of an area in the asked order, and download the same rows as CSV and GeoJSON', async () => {
    const res = await post(analyst, '/api/analysis/assets', {
      area: { code: STREET },
      sort: { by: 'heightM', dir: 'desc' },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    const { rows: count } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM assets WHERE street_code = $1',
      [STREET],
    );
    expect(page.total).toBe(count[0]!.n);
    expect(page.rows).toHaveLength(page.total);
    expect(page.truncated).toBe(false);
    const heights = page.rows.map((r) => r.heightM).filter((h): h is number => h !== null);
    expect(heights).toEqual([...heights].sort((a, b) => b - a));
    expect(page.rows.at(-1)!.heightM).toBeNull(); // non-buildings last

    const csv = await post(analyst, '/api/analysis/assets', {
      area: { code: STREET },
      sort: { by: 'heightM', dir: 'desc' },
      format: 'csv',
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="assets-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('编码,名称,类型,行政区,街道,等级/状态,层数,高度(m),告警,经度,纬度');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(page.rows.map((r) => r.code));
    expect(lines[1]).toMatch(/,房屋,福田区,/);
    // Coded cells read in Chinese like the headers: kind, grade or status per kind, alert level.
    const rowCells = lines.slice(1).map((l) => l.split(','));
    const KINDS = ['房屋', '在建工地', '边坡', '路灯', '内涝积水点', '燃气管线'];
    expect(rowCells.every((c) => KINDS.includes(c[2]!))).toBe(true);
    const GRADES =
      /^([ABCD]级|[高中低]风险|亮灯|熄灯|故障|土方|基础|主体结构|装饰装修|低压|中压|次高压|高压)?$/;
    expect(rowCells.filter((c) => !GRADES.test(c[5]!)).map((c) => c[5])).toEqual([]);
    expect(rowCells[0]![5]).toMatch(/^[ABCD]级$/); // the tallest building's safety grade
    expect(rowCells.filter((c) => !/^([蓝黄橙红]色)?$/.test(c[8]!)).map((c) => c[8])).toEqual([]);

    const geo = await post(analyst, '/api/analysis/assets', {
      area: { code: STREET },
      format: 'geojson',
      lang: 'en',
    });
    const fc = (await geo.json()) as {
      features: { id: string; geometry: { type: string } }[];
      notice: string;
    };
    expect(fc.features).toHaveLength(page.total);
    expect(fc.notice).toMatch(/synthetic/);
    expect(fc.features.find((f) => f.geometry.type === 'Polygon')).toBeDefined();
    // GeoJSON is for machines: the codes, not the words.
    const tallest = fc.features.find((f) => f.id === page.rows[0]!.code) as unknown as {
      properties: { kind: string; grade: string };
    };
    expect(tallest.properties.kind).toBe('BUILDING');
    expect(tallest.properties.grade).toMatch(/^[ABCD]$/);

    const { rows: audit } = await pool.query<{ action: string; detail: { rows: number } }>(
      `SELECT action, detail FROM audit_log WHERE action = 'export.assets' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0]!.detail.rows).toBe(page.total);
  });

  it('list and download the alerts raised in a period, newest first, with CST times', async () => {
    const body = {
      area: { code: STREET },
      from: '2026-11-09T00:00:00+08:00',
      to: '2026-11-12T00:00:00+08:00',
    };
    const page = (await (await post(analyst, '/api/analysis/alerts', body)).json()) as {
      total: number;
      rows: { id: number; severity: string; startedAt: string; clearedAt: string | null }[];
    };
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.id)).toEqual([...alertIds].reverse());
    expect(page.rows[0]).toMatchObject({
      severity: 'ORANGE',
      clearedAt: null,
      startedAt: '2026-11-11T15:30:00.000Z',
    });
    const csv = await (await post(analyst, '/api/analysis/alerts', { ...body, format: 'csv' })).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',橙色,橙色,2026-11-11 23:30:00,,');
    const { rows: type } = await pool.query<{ type: string }>(
      'SELECT type::text FROM devices WHERE id = $1',
      [device.id],
    );
    const words: Record<string, string> = {
      camera: '视频监控',
      crane_monitor: '塔吊黑匣子',
      dust_monitor: '扬尘监测仪',
      energy_meter: '能耗监测电表',
      lamp_controller: '路灯集中控制器',
      pit_monitor: '基坑监测点',
      slope_sensor: '边坡监测站',
      water_gauge: '积水监测仪',
    };
    const cells = lines[1]!.split(',');
    expect(cells[6]).toBe(words[type[0]!.type]); // 设备类型 in words
    expect(['房屋', '在建工地', '边坡', '路灯', '内涝积水点', '燃气管线']).toContain(cells[3]); // 资产类型
    const geo = (await (
      await post(analyst, '/api/analysis/alerts', { ...body, format: 'geojson' })
    ).json()) as { features: { properties: { severity: string; kind: string } }[] };
    expect(geo.features[0]!.properties).toMatchObject({
      severity: 'ORANGE',
      kind: type[0]!.type.toUpperCase(),
    });
    const red = (await (
      await post(analyst, '/api/analysis/alerts', { ...body, severities: ['RED'] })
    ).json()) as { total: number };
    expect(red.total).toBe(1);
  });

  it('refuse downloads to those without data:export, and bad bodies, with typed errors', async () => {
    const forbidden = await post(leader, '/api/analysis/assets', { area: { code: STREET }, format: 'csv' });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await post(leader, '/api/analysis/assets', { area: { code: STREET } })).status).toBe(200);
    const bad: [unknown, string][] = [
      [{}, 'INVALID_INPUT'],
      [{ area: { code: STREET }, sort: { by: 'price' } }, 'INVALID_INPUT'],
      [{ area: { code: STREET }, kinds: ['CASTLE'] }, 'INVALID_INPUT'],
      [{ area: { code: STREET }, format: 'xlsx' }, 'INVALID_INPUT'],
      [{ area: { code: STREET }, extra: 1 }, 'INVALID_INPUT'],
      [{ area: { code: 'ZZ9999' } }, 'NOT_FOUND'],
      [
        {
          area: {
            polygon: {
              type: 'Polygon',
              coordinates: [
                [
                  [22.5, 114.0],
                  [22.6, 114.0],
                  [22.6, 114.1],
                  [22.5, 114.0],
                ],
              ],
            },
          },
        },
        'INVALID_GEOMETRY',
      ],
      [
        {
          area: {
            polygon: {
              type: 'Polygon',
              coordinates: [
                [
                  [114.0, 22.55],
                  [114.01, 22.55],
                  [114.01, 22.56],
                  [114.0, 22.56],
                  [114.0, 22.55],
                ],
                [
                  [114.1, 22.6],
                  [114.15, 22.6],
                  [114.15, 22.65],
                  [114.1, 22.65],
                  [114.1, 22.6],
                ],
              ],
            },
          },
        },
        'INVALID_GEOMETRY',
      ],
      [{ area: { bbox: [0, 0, 1, 1] } }, 'OUT_OF_SERVICE_AREA'],
      [[1, 2], 'INVALID_INPUT'],
    ];
    for (const [body, code] of bad) {
      const res = await post(analyst, '/api/analysis/assets', body);
      const answer = (await res.json()) as { error: { code: string; message: string } };
      expect([JSON.stringify(body), answer.error.code]).toEqual([JSON.stringify(body), code]);
    }
    const notJson = await analyst.request('/api/analysis/assets', { method: 'POST', body: '{nope' });
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });
});
