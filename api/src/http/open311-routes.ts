// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) on the same intake as the citizen page, so
// existing city apps can file and follow requests: services.json (the case categories), requests.json
// (GET: search, POST: file; form-encoded as the spec says, JSON also accepted) and requests/<id>.json.
// service_request_id is the case's tracking number; address_id may name an asset code (一栋一码).

import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { RateLimiter } from '../access/rate-limiter.ts';
import { filePublicReport } from '../dispatch/public-intake.ts';
import { DomainError } from '../domain-error.ts';
import { findCategories, findRequests, type RequestListRow } from '../store/cases.repo.ts';
import type { AppEnv } from './identify.ts';
import type { PublicDeps } from './public-routes.ts';
import { rateLimit } from './request-helpers.ts';

const MAX_RESULTS = 200;
const DEFAULT_WINDOW_DAYS = 90;

function open311Error(c: Context, status: 400 | 404 | 413 | 429, description: string): Response {
  return c.json([{ code: status, description }], status);
}

function toRequest(r: RequestListRow) {
  const closed = r.state === 'closed' || r.state === 'rejected';
  return {
    service_request_id: r.tracking_no,
    status: closed ? 'closed' : 'open',
    status_notes: r.status_notes,
    service_name: r.name_zh,
    service_code: r.category_code,
    description: r.description,
    agency_responsible: r.unit_name,
    service_notice: null,
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.stage_due_at?.toISOString() ?? null,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: r.first_attachment ? `/attachments/${r.first_attachment}` : null,
  };
}

function parseDate(value: string | undefined, name: string): Date | null {
  if (!value) return null;
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) {
    throw new DomainError('INVALID_INPUT', `${name}: a W3C date-time such as 2026-11-21T09:00:00+08:00`);
  }
  return d;
}

function coordinate(value: string | undefined, name: string, max: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > max)
    throw new DomainError('INVALID_INPUT', `${name} is not a coordinate`);
  return n;
}

export function open311Routes(deps: PublicDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', rateLimit(new RateLimiter(deps.access.publicPerMinute, deps.access.publicPerMinute)));
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      const status = error.code === 'NOT_FOUND' ? 404 : error.code === 'LIMIT_EXCEEDED' ? 413 : 400;
      return open311Error(c, status, error.message);
    }
    throw error;
  });

  app.get('/services.json', async (c) => {
    const rows = (await findCategories(deps.pool)).filter((r) => r.citizen);
    return c.json(
      rows.map((r) => ({
        service_code: r.code,
        service_name: r.name_zh,
        description: `${r.name_zh} (${r.name_en})`,
        metadata: false,
        type: 'realtime',
        keywords: r.name_en.toLowerCase(),
        group: r.kind === 'component' ? '部件 component' : '事件 event',
      })),
    );
  });

  app.get('/requests.json', async (c) => {
    const q = (name: string) => c.req.query(name);
    const ids =
      q('service_request_id')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? null;
    const status = q('status');
    if (status !== undefined && status !== 'open' && status !== 'closed') {
      return open311Error(c, 400, 'status: open or closed');
    }
    const end = parseDate(q('end_date'), 'end_date');
    const start =
      parseDate(q('start_date'), 'start_date') ??
      (ids ? null : new Date((end ?? new Date()).getTime() - DEFAULT_WINDOW_DAYS * 86_400_000));
    const rows = await findRequests(deps.pool, {
      trackingNos: ids,
      category: q('service_code') ?? null,
      status: (status as 'open' | 'closed' | undefined) ?? null,
      from: start,
      to: end,
      limit: MAX_RESULTS,
    });
    return c.json(rows.map(toRequest));
  });

  app.get('/requests/:file', async (c) => {
    const id = /^([0-9]{16})\.json$/.exec(c.req.param('file'))?.[1];
    if (!id) return open311Error(c, 404, 'ask for /requests/<service_request_id>.json');
    const [row] = await findRequests(deps.pool, {
      trackingNos: [id],
      category: null,
      status: null,
      from: null,
      to: null,
      limit: 1,
    });
    if (!row) return open311Error(c, 404, `no service request ${id}`);
    return c.json([toRequest(row)]);
  });

  app.post(
    '/requests.json',
    rateLimit(new RateLimiter(deps.cases.reportsPerHour, deps.cases.reportsPerHour / 60), 'reports'),
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => open311Error(c, 413, 'the request is over 64 KiB') }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      const body: Record<string, string | undefined> = {};
      if (/json/i.test(type)) {
        const json = await c.req.json().catch(() => null);
        if (!json || typeof json !== 'object' || Array.isArray(json))
          return open311Error(c, 400, 'the body is not a JSON object');
        for (const [k, v] of Object.entries(json))
          if (typeof v === 'string' || typeof v === 'number') body[k] = String(v);
      } else {
        const form = await c.req.parseBody().catch(() => null);
        if (!form) return open311Error(c, 400, 'send application/x-www-form-urlencoded');
        for (const [k, v] of Object.entries(form)) if (typeof v === 'string') body[k] = v;
      }
      const lat = coordinate(body.lat, 'lat', 90);
      const lon = coordinate(body.long, 'long', 180);
      if (!body.address_id && (lat === null || lon === null)) {
        return open311Error(c, 400, 'give lat and long (WGS84), or an asset code as address_id');
      }
      const name = [body.last_name, body.first_name].filter(Boolean).join('') || null;
      const result = await filePublicReport(deps.pool, deps.cases, c.get('origin'), 'open311', {
        categoryCode: body.service_code ?? null,
        description: body.description ?? '',
        assetCode: body.address_id ?? null,
        location: lat !== null && lon !== null ? { lon, lat } : null,
        address: body.address_string ?? null,
        reporterName: name,
        reporterPhone: body.phone ?? null,
        photo: null,
      });
      deps.live.cases.published(result.eventIds);
      return c.json(
        [
          {
            service_request_id: result.trackingNo,
            service_notice: '已受理登记，请凭编号查询进度',
            account_id: null,
          },
        ],
        201,
      );
    },
  );
  return app;
}
