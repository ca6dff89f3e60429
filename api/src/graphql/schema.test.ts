// api/schema.graphql is the committed contract; it must be what the code builds (`npm run schema` rewrites it).
import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLInputObjectType, GraphQLObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { ROOT_DIR } from '../config.ts';
import { schema, schemaSdl } from './schema.ts';

it('api/schema.graphql matches the schema the code builds (run `npm run schema` after changing it)', () => {
  const committed = fs.readFileSync(path.join(ROOT_DIR, 'api/schema.graphql'), 'utf8');
  expect(schemaSdl() === committed, 'api/schema.graphql is stale: run `npm run schema` and commit it').toBe(
    true,
  );
});

it.each([
  ['Query', 'assets', 'AssetConnection!', ['filter: AssetFilter', 'first: Int', 'after: String']],
  ['Query', 'asset', 'Asset!', ['code: String!']],
  ['Query', 'areaStats', 'AreaStats!', ['area: AreaInput!']],
  [
    'Query',
    'nearest',
    '[NearestAsset!]!',
    ['point: GeoJSON!', 'kinds: [AssetKind!]', 'k: Int', 'maxDistanceM: Float'],
  ],
  [
    'Query',
    'proximity',
    'ProximityConnection!',
    ['subjectKinds: [AssetKind!]!', 'targetKinds: [AssetKind!]!', 'withinM: Float', 'area: AreaInput'],
  ],
  ['Query', 'areas', 'AreaConnection!', ['level: AreaLevel', 'parentCode: String']],
  ['Query', 'area', 'Area!', ['code: String!']],
  ['Query', 'node', 'Node', ['id: ID!']],
  ['Query', 'nodes', '[Node]!', ['ids: [ID!]!']],
  ['Device', 'series', 'Series!', ['metric: String!', 'from: DateTime!', 'to: DateTime!', 'bucket: Bucket']],
])('keeps %s.%s, which outside clients rely on', (typeName, field, type, args) => {
  const f = (schema.getType(typeName) as GraphQLObjectType).getFields()[field];
  expect(f, `${typeName}.${field}`).toBeDefined();
  expect(String(f!.type)).toBe(type);
  const have = f!.args.map((a) => `${a.name}: ${String(a.type)}`);
  for (const arg of args) expect(have).toContain(arg);
});

it('has the GeoJSON and DateTime scalars and the one AreaInput', () => {
  for (const name of ['GeoJSON', 'DateTime', 'AreaInput']) expect(schema.getType(name), name).toBeDefined();
  const area = schema.getType('AreaInput') as GraphQLInputObjectType;
  expect(Object.keys(area.getFields()).sort()).toEqual(['bbox', 'circle', 'code', 'polygon']);
});
