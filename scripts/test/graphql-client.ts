// Sends GraphQL and HTTP requests through the real hono app (no sockets) for tests, signed in with a real API
// token of the role and area asked for (created in the test database, as `npm run token` would).
import pg from 'pg';
import { createToken } from '../../api/src/access/accounts.service.ts';
import type { Actor } from '../../api/src/access/principal.ts';
import type { Role } from '../../api/src/access/roles.ts';
import { type CaseConfig, loadConfig, type MapConfig } from '../../api/src/config.ts';
import type { Live } from '../../api/src/live/live.ts';
import { createServerApp } from '../../api/src/main.ts';
import type { Queryable } from '../../api/src/store/db.ts';
import { testDatabaseUrl } from './test-database.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export const TEST_ACTOR: Actor = {
  kind: 'cli',
  id: null,
  name: 'test',
  origin: { ip: null, userAgent: null },
};

/** A bearer token for a role and area (null: the whole city), stored in the test database. */
export async function createTestToken(
  role: Role,
  area: string | null = null,
  unitCode: string | null = null,
) {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
  try {
    const name = `test-${role}-${area ?? 'city'}-${Date.now()}`;
    return (await createToken(pool, TEST_ACTOR, { name, role, areaCode: area, unitCode, days: 1 })).token;
  } finally {
    await pool.end();
  }
}

export interface ClientOptions {
  role?: Role;
  area?: string | null;
  /** For a unit_handler: their unit. */
  unitCode?: string | null;
  log?: (line: string) => void;
  persistedOperations?: ReadonlyMap<string, string>;
  /** The live side (event buses) the app publishes to; default: its own in-process one. */
  live?: Live;
  cases?: CaseConfig;
  map?: MapConfig;
}

export function graphqlClient(db: Queryable, options: ClientOptions = {}) {
  const config = loadConfig({});
  const app = createServerApp({
    pool: db as pg.Pool, // reads only, unless a test passes a real pool
    mode: 'external',
    webDistDir: config.webDistDir,
    access: config.access,
    persistedOperations: options.persistedOperations ?? null,
    live: options.live,
    cases: options.cases,
    map: options.map,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  });
  let token: Promise<string> | undefined;
  const auth = async () => {
    token ??= createTestToken(options.role ?? 'analyst', options.area ?? null, options.unitCode ?? null);
    return `Bearer ${await token}`;
  };
  return {
    app,
    token: async () => (await auth()).slice('Bearer '.length),
    /** A signed-in HTTP request. */
    async request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', await auth());
      return app.request(path, { ...init, headers });
    },
    async query<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: await auth(),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: res.status, data: body.data ?? null, errors: body.errors } as GraphQLResponse<T>;
    },
  };
}
