// The hono app: health, GraphQL, the map's area endpoint, and the built web app, all on one port.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { createGraphQLHandler } from '../graphql/yoga.ts';
import { AREA_LEVELS, type AreaLevel, findAreasGeoJson, postgisVersion } from '../store/areas.repo.ts';
import type { Queryable } from '../store/db.ts';
import { migrationStatus } from '../store/migrate.ts';

export interface AppDeps {
  db: Queryable;
  mode: 'embedded' | 'external';
  webDistDir: string;
  log?: (line: string) => void;
}

// Cesium's widgets need eval (Knockout); everything else stays on this origin (shared/notes/browser-testing.md).
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
};

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false }));

  app.get('/health', async (c) => {
    try {
      const [migrations, postgis] = await Promise.all([migrationStatus(deps.db), postgisVersion(deps.db)]);
      return c.json({ status: 'ok', database: { mode: deps.mode, postgis }, migrations, data: 'synthetic' });
    } catch (error) {
      log(`health check failed: ${error instanceof Error ? error.message : String(error)}`);
      return c.json({ status: 'unavailable', database: { mode: deps.mode } }, 503);
    }
  });

  app.get('/api/areas', async (c) => {
    const level = c.req.query('level') ?? 'district';
    if (!(AREA_LEVELS as readonly string[]).includes(level)) {
      throw new HTTPException(400, {
        message: `unknown area level "${level}"; use one of ${AREA_LEVELS.join(', ')}`,
      });
    }
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(await findAreasGeoJson(deps.db, level as AreaLevel));
  });

  // GraphQL; a browser asking for HTML gets the bundled GraphiQL page instead.
  const graphql = createGraphQLHandler({ db: deps.db, log });
  const graphiql = serveStatic({ root: deps.webDistDir, path: 'graphiql.html' });
  app.on(['GET', 'POST'], '/graphql', async (c, next) => {
    if (c.req.method === 'GET' && c.req.header('accept')?.includes('text/html')) return graphiql(c, next);
    return graphql.fetch(c.req.raw);
  });

  app.use('/*', serveStatic({ root: deps.webDistDir }));
  // Client-side routes fall back to the app shell; unknown API paths stay 404.
  const appShell = serveStatic({ root: deps.webDistDir, path: 'index.html' });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.includes('.')) return next();
    return appShell(c, next);
  });

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `no route for ${c.req.path}` } }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return c.json({ error: { code: 'BAD_REQUEST', message: error.message } }, error.status);
    }
    log(`error serving ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.json({ error: { code: 'INTERNAL', message: 'internal error; see the server log' } }, 500);
  });
  return app;
}
