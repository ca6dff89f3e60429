// The analyst workbench's tables and their downloads: POST /api/analysis/assets and /api/analysis/alerts with
// an area (and a period for alerts). format json answers the rows the table shows (at most 10,000, with the
// total); csv and geojson answer a file of up to 100,000 rows in the same order, for callers allowed to export
// data, and every download is written to the audit log.

import { type Context, Hono } from 'hono';
import type pg from 'pg';
import { actorOf } from '../access/principal.ts';
import { can } from '../access/roles.ts';
import { cstTime } from '../analysis/csv.ts';
import {
  alertJson,
  alertsCsv,
  alertsGeoJson,
  assetJson,
  assetsCsv,
  assetsGeoJson,
} from '../analysis/table-export.ts';
import {
  EXPORT_LIMIT,
  type Lang,
  parseAlertTableRequest,
  parseAssetTableRequest,
  TABLE_LIMIT,
  type TableFormat,
} from '../analysis/table-request.ts';
import { DomainError } from '../domain-error.ts';
import { resolveArea, serviceAreaReader } from '../geo/area.service.ts';
import {
  type AlertTableRow,
  type AssetTableRow,
  findAlertTable,
  findAssetTable,
} from '../store/analysis.repo.ts';
import { insertAudit } from '../store/audit.repo.ts';
import { GEOJSON_TYPE } from './geojson-response.ts';
import { errorResponse } from './http-error.ts';
import { type AppEnv, isJson } from './identify.ts';
import { readJsonBody } from './request-helpers.ts';

export function analysisRoutes(pool: pg.Pool): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const serviceArea = serviceAreaReader(pool);

  const readBody = async (c: Context<AppEnv>) => {
    // As for /graphql: a request riding on the session cookie must be JSON (no cross-site form can send that).
    if (c.get('viewer')?.kind === 'user' && !isJson(c.req.header('content-type'))) {
      throw new DomainError('INVALID_INPUT', 'send the request as application/json');
    }
    return readJsonBody(c);
  };

  const checkExport = (viewer: { role: Parameters<typeof can>[0] }, format: TableFormat) => {
    if (format !== 'json' && !can(viewer.role, 'data:export')) {
      throw new DomainError(
        'FORBIDDEN',
        'downloading data needs the data:export permission (analyst or admin)',
      );
    }
  };

  app.post('/assets', async (c) => {
    const viewer = c.get('viewer')!;
    const request = parseAssetTableRequest(await readBody(c));
    checkExport(viewer, request.format);
    const area = await resolveArea(pool, viewer.scope, await serviceArea(), request.area);
    const limit = request.format === 'json' ? TABLE_LIMIT : EXPORT_LIMIT;
    const rows = await findAssetTable(pool, {
      area,
      scope: viewer.scope,
      kinds: request.kinds,
      sort: request.sort,
      limit,
      withGeometry: request.format === 'geojson',
    });
    return answer(pool, c, 'assets', request, rows, limit, ASSETS);
  });

  app.post('/alerts', async (c) => {
    const viewer = c.get('viewer')!;
    const request = parseAlertTableRequest(await readBody(c));
    checkExport(viewer, request.format);
    const area = await resolveArea(pool, viewer.scope, await serviceArea(), request.area);
    const limit = request.format === 'json' ? TABLE_LIMIT : EXPORT_LIMIT;
    const rows = await findAlertTable(
      pool,
      {
        area,
        scope: viewer.scope,
        from: request.from,
        to: request.to,
        severities: request.severities,
        deviceTypes: request.deviceTypes,
      },
      limit,
    );
    return answer(pool, c, 'alerts', request, rows, limit, ALERTS);
  });

  app.all('*', (c) => errorResponse(c, 'NOT_FOUND', 'POST /api/analysis/assets or /api/analysis/alerts'));
  return app;
}

interface Renderers<Row> {
  json: (row: Row) => unknown;
  csv: (rows: readonly Row[], lang: Lang) => string;
  geojson: (rows: readonly Row[], lang: Lang) => unknown;
}

const ASSETS: Renderers<AssetTableRow> = { json: assetJson, csv: assetsCsv, geojson: assetsGeoJson };
const ALERTS: Renderers<AlertTableRow> = { json: alertJson, csv: alertsCsv, geojson: alertsGeoJson };

/**
 * The rows as the table's JSON page, or as a file (audited). A file holds the first EXPORT_LIMIT rows; its
 * X-Truncated header says so rather than the file being silently cut.
 */
async function answer<Row extends { total: number }>(
  pool: pg.Pool,
  c: Context<AppEnv>,
  table: 'assets' | 'alerts',
  request: { format: TableFormat; lang: Lang; area: { code?: string | null } },
  rows: readonly Row[],
  limit: number,
  render: Renderers<Row>,
): Promise<Response> {
  const total = rows[0]?.total ?? 0;
  const truncated = total > rows.length;
  if (request.format === 'json') return c.json({ total, truncated, limit, rows: rows.map(render.json) });
  await insertAudit(pool, actorOf(c.get('viewer')!, c.get('origin')), {
    action: `export.${table}`,
    outcome: 'ok',
    detail: { area: request.area.code ?? 'drawn area', format: request.format, rows: rows.length, total },
  });
  const name = `${table}-${cstTime(new Date()).slice(0, 10)}.${request.format}`;
  c.header('Content-Type', request.format === 'csv' ? 'text/csv; charset=utf-8' : GEOJSON_TYPE);
  c.header(
    'Content-Disposition',
    `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  c.header('Cache-Control', 'private, no-store');
  if (truncated) c.header('X-Truncated', String(EXPORT_LIMIT));
  return c.body(
    request.format === 'csv'
      ? render.csv(rows, request.lang)
      : JSON.stringify(render.geojson(rows, request.lang)),
  );
}
