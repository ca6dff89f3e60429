// graphql-yoga serving the pothos schema. Expected failures (DomainError) keep their message and code;
// anything else is logged and masked, so internals never leak. Every request arrives signed in (see
// http/app.ts); with persisted operations configured, API tokens may run only those.
import { usePersistedOperations as persistedOperationsPlugin } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type pg from 'pg';
import type { AccessConfig, CaseConfig } from '../config.ts';
import { DomainError } from '../domain-error.ts';
import { serviceAreaReader } from '../geo/area.service.ts';
import type { Live } from '../live/live.ts';
import { type ApiContext, createContext, type RequestIdentity } from './context.ts';
import { inputBoundsPlugin } from './input-bounds.ts';
import { mutationAuditPlugin } from './mutation-audit.ts';
import { schema } from './schema.ts';

export interface GraphQLDeps {
  pool: pg.Pool;
  access: AccessConfig;
  log: (line: string) => void;
  /** id → document; null: any operation may run. */
  persistedOperations: ReadonlyMap<string, string> | null;
  live: Live;
  cases: CaseConfig;
}

export interface GraphQLHandler {
  /** Answers one signed-in request. */
  handle(request: Request, identity: RequestIdentity): Promise<Response>;
  readonly yoga: YogaServerInstance<RequestIdentity, ApiContext>;
}

export function createGraphQLHandler(deps: GraphQLDeps): GraphQLHandler {
  // The persisted-operations plugin sees only the Request; this is how it learns who sent it.
  const identities = new WeakMap<Request, RequestIdentity>();
  const serviceArea = serviceAreaReader(deps.pool);
  const log = deps.log;
  const plugins: Plugin<ApiContext & RequestIdentity>[] = [inputBoundsPlugin(), mutationAuditPlugin(log)];
  const persisted = deps.persistedOperations;
  if (persisted) {
    plugins.push(
      persistedOperationsPlugin({
        getPersistedOperation: (key) => persisted.get(key) ?? null,
        // People in the web app write their own queries; other systems send only the operations agreed on.
        allowArbitraryOperations: (request) => identities.get(request)?.viewer.kind === 'user',
        customErrors: {
          notFound: { message: 'no persisted operation has this id', extensions: { code: 'NOT_FOUND' } },
          persistedQueryOnly: {
            message:
              'API tokens may only run persisted operations: send extensions.persistedQuery.sha256Hash',
            extensions: { code: 'FORBIDDEN' },
          },
          keyNotFound: {
            message: 'the persisted operation id is missing',
            extensions: { code: 'INVALID_INPUT' },
          },
        },
      }),
    );
  }
  const yoga = createYoga<RequestIdentity, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false, // the bundled GraphiQL page is served by the app (see http/app.ts)
    // yoga's default CORS reflects any Origin with credentials, letting another site read answers signed by an
    // officer's cookie. CORS is the app's: only CORS_ORIGINS, never with credentials (http/app.ts).
    cors: false,
    landingPage: false,
    plugins,
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
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
          // graphql-js's own request errors (e.g. a variable of the wrong type) come without a code.
          if (error.extensions?.code) return error;
          return new GraphQLError(error.message, {
            nodes: error.nodes,
            path: error.path,
            extensions: { ...error.extensions, code: 'INVALID_INPUT' },
          });
        }
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
    context: async ({ viewer, origin }) => {
      return createContext(deps.pool, deps.access, await serviceArea(), deps.live, deps.cases, {
        viewer,
        origin,
      });
    },
  });
  return {
    yoga,
    async handle(request, identity) {
      identities.set(request, identity);
      return yoga.fetch(request, identity);
    },
  };
}
