// graphql-yoga serving the pothos schema. Expected failures (DomainError) keep their message and code;
// anything else is logged and masked, so internals never leak.
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { DomainError } from '../domain-error.ts';
import type { BBox } from '../geo/geojson.ts';
import { findServiceArea } from '../store/areas.repo.ts';
import type { Queryable } from '../store/db.ts';
import { type ApiContext, createContext } from './context.ts';
import { schema } from './schema.ts';

export interface GraphQLDeps {
  db: Queryable;
  log: (line: string) => void;
}

const WORLD: BBox = [-180, -90, 180, 90];

export function createGraphQLHandler(
  deps: GraphQLDeps,
): YogaServerInstance<Record<string, unknown>, ApiContext> {
  let serviceArea: BBox | null = null;
  const log = deps.log;
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false, // the bundled GraphiQL page is served by the app (see http/app.ts)
    landingPage: false,
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => log(`graphql: ${args.join(' ')}`),
      // Errors sent to clients are GraphQLErrors; unexpected ones are logged with their stack by maskError.
      error: (...args: unknown[]) => {
        if (!args.some((a) => a instanceof GraphQLError)) log(`graphql: ${args.join(' ')}`);
      },
    },
    maskedErrors: {
      maskError(error) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof DomainError && error instanceof GraphQLError) {
          return new GraphQLError(original.message, {
            nodes: error.nodes,
            path: error.path,
            extensions: { code: original.code },
          });
        }
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
        log(
          `graphql: unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
        );
        return new GraphQLError('Unexpected error; it has been logged.', {
          nodes: error instanceof GraphQLError ? error.nodes : undefined,
          path: error instanceof GraphQLError ? error.path : undefined,
          extensions: { code: 'INTERNAL' },
        });
      },
    },
    context: async () => {
      // Read once the city exists; before seeding, every point is "in the city" and nothing is found.
      serviceArea ??= await findServiceArea(deps.db);
      return createContext(deps.db, serviceArea ?? WORLD);
    },
  });
}
