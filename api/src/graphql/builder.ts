// The pothos builder, its plugins and the Query, Mutation and Subscription roots; types are declared in ./types,
// one file or folder each (schema.ts imports them).
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Geometry } from 'geojson';
import { GraphQLError } from 'graphql';
import { can, type Permission } from '../access/roles.ts';
import { DomainError } from '../domain-error.ts';
import type { ApiContext } from './context.ts';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_NODES = 100;

// Lists count 5× their selection unless a field says otherwise (connections use `first`, series 100); a page
// of 100 assets with districts, devices and latest readings costs about 15,000.
export const LIMITS = { depth: 12, breadth: 300, complexity: 100_000 } as const;

export interface BuilderTypes {
  Context: ApiContext;
  DefaultFieldNullability: false;
  Scalars: {
    GeoJSON: { Input: unknown; Output: Geometry };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: never; Output: unknown };
    JSONInput: { Input: unknown; Output: unknown };
  };
  Connection: { totalCount: number | (() => Promise<number>) };
  AuthScopes: {
    /** The caller's role grants this permission (access/roles.ts). */
    permission: Permission;
    /** The caller's role grants at least one of these. */
    anyPermission: readonly Permission[];
    /** A person signed in with a session (not an API token). */
    person: boolean;
  };
}

export type SchemaTypes = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

export const builder = new SchemaBuilder<BuilderTypes>({
  plugins: [ScopeAuthPlugin, ComplexityPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  // Every request is signed in (http/app.ts answers 401 before GraphQL otherwise); these scopes decide what
  // the role may do. The rows a field returns are cut to the caller's area in SQL (access/scope.ts).
  scopeAuth: {
    authScopes: (ctx) => ({
      permission: (p: Permission) => can(ctx.viewer.role, p),
      anyPermission: (ps: readonly Permission[]) => ps.some((p) => can(ctx.viewer.role, p)),
      person: ctx.viewer.kind === 'user',
    }),
    unauthorizedError: (_parent, ctx, info) =>
      new DomainError(
        'FORBIDDEN',
        `${info.parentType.name}.${info.fieldName} is not open to the role ${ctx.viewer.role}`,
      ),
  },
  relay: {
    cursorType: 'String',
    nodeQueryOptions: { description: 'Any object by its global id (Relay); null when there is none.' },
    nodesQueryOptions: {
      description: `Objects by their global ids, in order; null where there is none. At most ${MAX_NODES} ids.`,
      complexity: (args) => ({ field: 1, multiplier: args.ids.length }),
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > MAX_NODES) {
          throw new DomainError('LIMIT_EXCEEDED', `nodes takes at most ${MAX_NODES} ids per call`);
        }
        return resolveNodes(args.ids);
      },
    },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 5,
    limit: LIMITS,
    complexityError: (kind, r) => {
      const [value, max] = {
        Depth: [r.depth, r.maxDepth],
        Breadth: [r.breadth, r.maxBreadth],
        Complexity: [r.complexity, r.maxComplexity],
      }[kind];
      return new GraphQLError(`query ${kind.toLowerCase()} ${value} is over the limit of ${max}`, {
        extensions: { code: 'LIMIT_EXCEEDED' },
      });
    },
  },
});

builder.queryType({ authScopes: { permission: 'map:read' } });
builder.mutationType({});
builder.subscriptionType({ authScopes: { permission: 'map:read' } });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items match, over all pages.',
    resolve: (connection) =>
      typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount,
  }),
);
