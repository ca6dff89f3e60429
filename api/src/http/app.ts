// The hono app: health, sign-in, GraphQL, the map's area endpoint, public citizen surfaces and the built web
// app, all on one port. Everything but health, sign-in, public surfaces and static files needs a signed-in
// user or an API token; what they see is cut to their area in SQL.
import os from 'node:os';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type pg from 'pg';
import { parseJson } from '../bounded-json.ts';
import {
  type AccessConfig,
  type CaseConfig,
  type IngestConfig,
  loadCaseConfig,
  loadIngestConfig,
  loadMapConfig,
  type MapConfig,
} from '../config.ts';
import { AREA_LEVELS, type AreaLevel } from '../domain/codes.ts';
import { DomainError } from '../domain-error.ts';
import { createGraphQLHandler } from '../graphql/yoga.ts';
import { type Live, localLive } from '../live/live.ts';
import { findAreasGeoJson, postgisVersion } from '../store/areas.repo.ts';
import { migrationStatus } from '../store/migrate.ts';
import { analysisRoutes } from './analysis-routes.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { geoJsonResponse } from './geojson-response.ts';
import { errorResponse, graphqlErrorResponse } from './http-error.ts';
import { type AppEnv, anonymous, identify, isJson, signedIn } from './identify.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { mapRoutes } from './map-routes.ts';
import { open311Routes } from './open311-routes.ts';
import { publicRoutes } from './public-routes.ts';

export interface AppDeps {
  pool: pg.Pool;
  mode: 'embedded' | 'external';
  webDistDir: string;
  access: AccessConfig;
  /** From loadPersistedOperations; null: API tokens may run any operation. */
  persistedOperations?: ReadonlyMap<string, string> | null;
  log?: (line: string) => void;
  ingest?: IngestConfig;
  /** Ingest, live alert events and scheduled rules (live/live.ts); default: in-process, no scheduler. */
  live?: Live;
  /** Case deadlines and attachments; default: the built-in calendar, attachments under the OS temp folder. */
  cases?: CaseConfig;
  /** The big screen's basemap and tile caching; default: offline basemap only. */
  map?: MapConfig;
  /** The tile server's routes, served under /tiles to signed-in callers (api/src/main.ts); default: none. */
  tiles?: Hono<AppEnv>;
}

/** A GraphQL body with a 20,000-position polygon is about 1 MB; nothing legitimate is larger. */
const MAX_GRAPHQL_BODY = 2 * 1024 * 1024;
const MAX_AUTH_BODY = 8 * 1024;
const TILE_IDENTITY_MS = 5_000;

// Cesium's widgets need eval (Knockout); everything else stays on this origin (shared/notes/browser-testing.md),
// except a configured imagery service, which the map fetches images from.
const csp = (imageryOrigin: string | null) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:', ...(imageryOrigin ? [imageryOrigin] : [])],
  workerSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'", ...(imageryOrigin ? [imageryOrigin] : [])],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
});

function tooLarge(limit: number) {
  return bodyLimit({
    maxSize: limit,
    onError: (c) => errorResponse(c, 'LIMIT_EXCEEDED', `the request body is over ${limit / 1024} KiB`),
  });
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ingestConfig = deps.ingest ?? loadIngestConfig({}, 'large');
  const live = deps.live ?? localLive(deps.pool, ingestConfig, log);
  const cases = deps.cases ?? loadCaseConfig({}, path.join(os.tmpdir(), 'city-one-map'));
  const map = deps.map ?? loadMapConfig({});
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: csp(map.imageryOrigin),
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: 'max-age=31536000',
      referrerPolicy: 'same-origin',
      permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'] },
    }),
  );

  app.get('/health', async (c) => {
    try {
      const [migrations, postgis] = await Promise.all([
        migrationStatus(deps.pool),
        postgisVersion(deps.pool),
      ]);
      return c.json({ status: 'ok', database: { mode: deps.mode, postgis }, migrations, data: 'synthetic' });
    } catch (error) {
      log(`health check failed: ${error instanceof Error ? error.message : String(error)}`);
      return c.json({ status: 'unavailable', database: { mode: deps.mode } }, 503);
    }
  });

  // Other web apps may call the API with a bearer token, never with this app's cookie (no credentials).
  if (deps.access.corsOrigins.length > 0) {
    app.use(
      '/graphql',
      cors({
        origin: [...deps.access.corsOrigins],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type'],
        credentials: false,
        maxAge: 600,
      }),
    );
  }

  app.use('/auth/*', identify(deps.pool, deps.access));
  app.use('/auth/*', tooLarge(MAX_AUTH_BODY));
  app.route('/auth', authRoutes(deps.pool, deps.access));

  const publicDeps = { pool: deps.pool, access: deps.access, cases, live };
  app.use('/public/*', anonymous(deps.access));
  app.route('/public', publicRoutes(publicDeps));
  app.use('/open311/*', anonymous(deps.access));
  app.route('/open311/v2', open311Routes({ ...publicDeps, log }));

  app.use('/attachments/*', identify(deps.pool, deps.access));
  app.use('/attachments', identify(deps.pool, deps.access));
  app.route('/attachments', attachmentRoutes(deps.pool, cases));

  app.use('/ingest', identify(deps.pool, deps.access));
  app.route('/ingest', ingestRoutes(deps.pool, live.ingest, ingestConfig));

  app.use('/api/*', identify(deps.pool, deps.access), signedIn);
  app.get('/api/areas', async (c) => {
    const viewer = c.get('viewer')!;
    const level = c.req.query('level') ?? 'district';
    if (!(AREA_LEVELS as readonly string[]).includes(level)) {
      return errorResponse(
        c,
        'INVALID_INPUT',
        `unknown area level "${level.slice(0, 20)}"; use one of ${AREA_LEVELS.join(', ')}`,
      );
    }
    c.header('Cache-Control', 'private, max-age=60');
    return geoJsonResponse(c, await findAreasGeoJson(deps.pool, viewer.scope, level as AreaLevel));
  });

  app.route('/api', mapRoutes(deps.pool, map));
  app.use('/api/analysis/*', tooLarge(MAX_GRAPHQL_BODY));
  app.route('/api/analysis', analysisRoutes(deps.pool));

  // The tile server's routes, for signed-in callers, cut to their scope. A map asks for dozens of tiles at
  // once: who sent them is remembered for a few seconds.
  app.use('/tiles/*', identify(deps.pool, deps.access, { cacheMs: TILE_IDENTITY_MS }), signedIn);
  if (deps.tiles) app.route('/tiles', deps.tiles);

  // GraphQL; a browser asking for HTML gets the bundled GraphiQL page (which then needs a session).
  const graphql = createGraphQLHandler({
    pool: deps.pool,
    access: deps.access,
    log,
    persistedOperations: deps.persistedOperations ?? null,
    live,
    cases,
  });
  const graphiql = serveStatic({ root: deps.webDistDir, path: 'graphiql.html' });
  app.use('/graphql', tooLarge(MAX_GRAPHQL_BODY));
  app.use('/graphql', identify(deps.pool, deps.access));
  app.on(['GET', 'POST'], '/graphql', async (c, next) => {
    if (c.req.method === 'GET' && c.req.header('accept')?.includes('text/html')) return graphiql(c, next);
    // yoga parses these itself and lets a syntax error through as INTERNAL; bounded as a POST body is.
    for (const name of ['variables', 'extensions']) {
      const value = c.req.method === 'GET' ? c.req.query(name) : undefined;
      const parsed = value === undefined ? null : parseJson(value, `the ${name} parameter`);
      if (parsed && 'error' in parsed) return graphqlErrorResponse(c, 'INVALID_INPUT', parsed.error);
    }
    const viewer = c.get('viewer');
    // CSRF: a request that rides on the session cookie must be JSON (a cross-site page cannot send that
    // without a CORS preflight, and cookies never get CORS). Bearer tokens are not sent by browsers on their own.
    if (viewer?.kind === 'user' && c.req.method === 'POST' && !isJson(c.req.header('content-type'))) {
      return graphqlErrorResponse(c, 'INVALID_INPUT', 'send GraphQL requests as application/json', 415);
    }
    if (!viewer) {
      // Nothing, not even introspection, without credentials.
      return graphqlErrorResponse(
        c,
        'UNAUTHENTICATED',
        'sign in first (POST /auth/login) or send "Authorization: Bearer <token>"',
      );
    }
    return graphql.handle(c.req.raw, { viewer, origin: c.get('origin') });
  });

  app.use('/*', serveStatic({ root: deps.webDistDir }));
  // Client-side routes fall back to the app shell; unknown API paths stay 404.
  const appShell = serveStatic({ root: deps.webDistDir, path: 'index.html' });
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (/^\/(api|auth|public|ingest|attachments|open311|tiles)(\/|$)/.test(p) || p.includes('.')) {
      return next();
    }
    return appShell(c, next);
  });

  app.notFound((c) => errorResponse(c, 'NOT_FOUND', `no route for ${c.req.path.slice(0, 200)}`));
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      // e.g. a revoked token on /graphql: answered in GraphQL's shape.
      if (c.req.path === '/graphql') return graphqlErrorResponse(c, error.code, error.message);
      return errorResponse(c, error.code, error.message);
    }
    if (error instanceof HTTPException) return errorResponse(c, 'BAD_REQUEST', error.message);
    log(`error serving ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return errorResponse(c, 'INTERNAL', 'internal error; see the server log');
  });
  return app;
}
