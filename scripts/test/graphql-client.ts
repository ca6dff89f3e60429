// Sends GraphQL requests through the real hono app (no sockets) for tests.
import { loadConfig } from '../../api/src/config.ts';
import { createApp } from '../../api/src/http/app.ts';
import type { Queryable } from '../../api/src/store/db.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export function graphqlClient(
  db: Queryable,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
) {
  const app = createApp({ db, mode: 'external', webDistDir: loadConfig({}).webDistDir, log });
  return {
    app,
    async query<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: res.status, data: body.data ?? null, errors: body.errors } as GraphQLResponse<T>;
    },
  };
}
