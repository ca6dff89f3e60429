// RFC 7946 as an outside client checks it (@placemarkio/check-geojson, right-hand winding included): every
// GeoJSON the API emits — area outlines at every level, the map layers, GraphQL boundaries and geometries — is
// valid and served as application/geo+json; and the database refuses a clockwise polygon.
import { getIssues } from '@placemarkio/check-geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { createPool } from '../store/db.ts';
import { MAP_LAYERS } from '../store/layers.repo.ts';

const pool = createPool(testDatabaseUrl(), { max: 2 });
afterAll(() => pool.end());
const city = graphqlClient(pool, { role: 'admin' });

const issuesOf = (value: unknown) => getIssues(JSON.stringify(value)).map((i) => i.message);

describe('GeoJSON the API emits (RFC 7946)', () => {
  it('area outlines at every level follow the right-hand rule and are served as application/geo+json', async () => {
    for (const level of ['city', 'district', 'street', 'community', 'grid']) {
      const res = await city.request(`/api/areas?level=${level}`);
      expect(res.headers.get('content-type')).toBe('application/geo+json');
      const body = (await res.json()) as { features: unknown[] };
      expect(body.features.length).toBeGreaterThan(0);
      expect([level, issuesOf(body)]).toEqual([level, []]);
    }
  });

  it('the map layers are valid GeoJSON served as application/geo+json', async () => {
    for (const kind of MAP_LAYERS) {
      const res = await city.request(`/api/layers/${kind}`);
      expect(res.headers.get('content-type')).toBe('application/geo+json');
      expect([kind, issuesOf(await res.json())]).toEqual([kind, []]);
    }
  });

  it('GraphQL area boundaries and asset geometries follow the right-hand rule', async () => {
    const { data, errors } = await city.query<{
      areas: { edges: { node: { code: string; boundary: unknown } }[] };
      assets: { edges: { node: { geometry: unknown } }[] };
    }>(`{ areas(level: GRID, first: 500) { edges { node { code boundary } } }
          assets(filter: { kinds: [BUILDING, CONSTRUCTION_SITE, SLOPE] }, first: 500) { edges { node { geometry } } } }`);
    expect(errors).toBeUndefined();
    const geometries = [
      ...data!.areas.edges.map((e) => e.node.boundary),
      ...data!.assets.edges.map((e) => e.node.geometry),
    ];
    expect(geometries.length).toBeGreaterThan(500);
    const bad = geometries.filter((g) => issuesOf(g).length > 0);
    expect(bad.length).toBe(0);
  });

  it('the database refuses a clockwise area outline', async () => {
    await expect(
      pool.query(
        `UPDATE areas SET boundary = ST_ForcePolygonCW(boundary) WHERE code = (SELECT min(code) FROM areas WHERE level = 'grid')`,
      ),
    ).rejects.toThrow(/areas_boundary_right_hand/);
  });
});
