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
  parseAlertTableRequest,
  parseAssetTableRequest,
  TABLE_LIMIT,
  type TableFormat,
} from '../analysis/table-request.ts';
import { DomainError } from '../domain-error.ts';
import { resolveArea, serviceAreaReader } from '../geo/area.service.ts';
import { findAlertTable, findAssetTable } from '../store/analysis.repo.ts';
import { insertAudit } from '../store/audit.repo.ts';
import { errorResponse } from './http-error.ts';
import { type AppEnv, isJson } from './identify.ts';

export function analysisRoutes(pool: pg.Pool): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const serviceArea = serviceAreaReader(pool);

  const readBody = async (c: Context<AppEnv>) => {
    // As for /graphql: a request riding on the session cookie must be JSON (no cross-site form can send that).
    if (c.get('viewer')?.kind === 'user' && !isJson(c.req.header('content-type'))) {
      throw new DomainError('INVALID_INPUT', 'send the request as application/json');
    }
    try {
      return await c.req.json();
    } catch {
      throw new DomainError('INVALID_INPUT', 'the request body is not JSON');
    }
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
    const total = rows[0]?.total ?? 0;
    if (request.format === 'json') {
      return c.json({ total, truncated: total > rows.length, limit, rows: rows.map(assetJson) });
    }
    await insertAudit(pool, actorOf(viewer, c.get('origin')), {
      action: 'export.assets',
      outcome: 'ok',
      detail: { area: request.area.code ?? 'drawn area', format: request.format, rows: rows.length, total },
    });
    const name = `assets-${cstTime(new Date()).slice(0, 10)}`;
    return request.format === 'csv'
      ? file(c, `${name}.csv`, 'text/csv; charset=utf-8', assetsCsv(rows, request.lang), total > rows.length)
      : file(
          c,
          `${name}.geojson`,
          'application/geo+json',
          JSON.stringify(assetsGeoJson(rows, request.lang)),
          total > rows.length,
        );
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
    const total = rows[0]?.total ?? 0;
    if (request.format === 'json') {
      return c.json({ total, truncated: total > rows.length, limit, rows: rows.map(alertJson) });
    }
    await insertAudit(pool, actorOf(viewer, c.get('origin')), {
      action: 'export.alerts',
      outcome: 'ok',
      detail: { area: request.area.code ?? 'drawn area', format: request.format, rows: rows.length, total },
    });
    const name = `alerts-${cstTime(new Date()).slice(0, 10)}`;
    return request.format === 'csv'
      ? file(c, `${name}.csv`, 'text/csv; charset=utf-8', alertsCsv(rows, request.lang), total > rows.length)
      : file(
          c,
          `${name}.geojson`,
          'application/geo+json',
          JSON.stringify(alertsGeoJson(rows, request.lang)),
          total > rows.length,
        );
  });

  app.all('*', (c) => errorResponse(c, 'NOT_FOUND', 'POST /api/analysis/assets or /api/analysis/alerts'));
  return app;
}

function file(
  c: { header: (name: string, value: string) => void; body: (data: string) => Response },
  name: string,
  type: string,
  content: string,
  truncated: boolean,
): Response {
  c.header('Content-Type', type);
  c.header(
    'Content-Disposition',
    `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  c.header('Cache-Control', 'private, no-store');
  // The file holds the first EXPORT_LIMIT rows; the header says so rather than the file being silently cut.
  if (truncated) c.header('X-Truncated', String(EXPORT_LIMIT));
  return c.body(content);
}
