// Efficiency contracts: relations are batched (the statement count does not grow with the page), and the
// spatial predicates use their GiST indexes (checked in EXPLAIN with the values bound).
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { areaParams, type ResolvedArea } from '../store/area-params.ts';
import { createPool, type Queryable } from '../store/db.ts';
import { loadSql } from '../store/sql-file.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());
const SQL_DIR = new URL('../store/sql/', import.meta.url).pathname;

describe('batching', () => {
  const NESTED = `query($n: Int) { assets(first: $n, filter: { kinds: [CONSTRUCTION_SITE, WATERLOGGING_POINT, SLOPE] }) {
    edges { node { code district { name } street { name } unit { name }
      devices { code online asset { code } datastreams { metric { key unit } latest { t value } } } } } } }`;

  async function statementsFor(n: number) {
    const texts: string[] = [];
    const counting: Queryable = {
      query: ((config: { text: string }, ...rest: unknown[]) => {
        texts.push(typeof config === 'string' ? config : config.text);
        return (pool.query as (...a: unknown[]) => unknown)(config, ...rest);
      }) as never,
    };
    const res = await graphqlClient(counting).query<any>(NESTED, { n });
    expect(res.errors).toBeUndefined();
    const edges = res.data.assets.edges;
    const devices = edges.reduce((s: number, e: any) => s + e.node.devices.length, 0);
    return { statements: texts.length, assets: edges.length, devices };
  }

  it('runs the same number of statements for 10, 50 and 100 assets with districts, devices and readings', async () => {
    const small = await statementsFor(10);
    const medium = await statementsFor(50);
    const large = await statementsFor(100);
    expect([small.assets, medium.assets, large.assets]).toEqual([10, 50, 100]);
    expect(large.devices).toBeGreaterThan(small.devices);
    expect(medium.statements).toBe(small.statements);
    expect(large.statements).toBe(small.statements);
    // the token's owner (and its last-use time, at most once a minute), service area, the page, areas
    // (district and street together), units, devices, assets of devices, latest readings, metrics
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});

describe('index use', () => {
  async function plan(file: string, values: unknown[]): Promise<string> {
    const { text } = loadSql(SQL_DIR, file);
    const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
    return JSON.stringify(rows[0]['QUERY PLAN']);
  }
  const polygon: ResolvedArea = {
    kind: 'geometry',
    geojson: JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [114.02, 22.52],
          [114.08, 22.52],
          [114.08, 22.56],
          [114.02, 22.52],
        ],
      ],
    }),
  };
  const circle: ResolvedArea = { kind: 'circle', lon: 114.05, lat: 22.54, radiusM: 800 };
  // kinds and the eight attribute filters of assets_page.sql, all unset
  const noFilters = Array(9).fill(null);
  const CITY = null; // the caller's scope: the whole city
  const FUTIAN = '440304';

  it.each([
    ['a polygon', polygon, 'assets_geom_gist'],
    ['a circle', circle, 'assets_geog_gist'],
  ])('areaStats and asset pages for %s use %s', async (_name, area, index) => {
    for (const scope of [CITY, FUTIAN]) {
      expect(await plan('stats/area_stats', [...areaParams(area), scope])).toContain(index);
      expect(await plan('assets/assets_page', [...areaParams(area), ...noFilters, 0, 50, scope])).toContain(
        index,
      );
    }
  });

  // Pages of a named area may instead walk assets_pkey in id order; the figures must not scan everything.
  it.each([
    ['a district code', { kind: 'district', code: '440304' } as ResolvedArea, 'assets_district_code'],
    ['a grid code', { kind: 'grid', code: '440304001C01G001' } as ResolvedArea, 'assets_grid_code'],
  ])('areaStats for %s uses %s', async (_name, area, index) => {
    expect(await plan('stats/area_stats', [...areaParams(area), CITY])).toContain(index);
  });

  it('cuts the city to a district scope through assets_district_code', async () => {
    expect(await plan('stats/area_stats', [...areaParams({ kind: 'city', code: '' }), FUTIAN])).toContain(
      'assets_district_code',
    );
  });

  it('counts devices in a drawn area through devices_location_gist', async () => {
    expect(await plan('stats/area_stats', [...areaParams(polygon), CITY])).toContain('devices_location_gist');
    expect(await plan('stats/area_stats', [...areaParams(circle), FUTIAN])).toContain(
      'devices_location_gist',
    );
  });

  it('nearest is a KNN scan of assets_geog_gist', async () => {
    const p = await plan('assets/assets_nearest', [114.05, 22.54, null, 10, null, FUTIAN]);
    expect(p).toContain('assets_geog_gist');
    expect(p).toContain('Order By');
  });

  it('proximity probes assets_geog_gist for each subject', async () => {
    const p = await plan('assets/assets_proximity', [
      ...areaParams(polygon),
      ['construction_site'],
      ['gas_pipeline'],
      50,
      0,
      50,
      FUTIAN,
    ]);
    expect(p).toContain('assets_geog_gist');
  });
});
