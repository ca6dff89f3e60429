// Surfaces for citizens, without sign-in and rate limited per client IP: the QR plate lookup
// (GET /public/assets/:code), the categories a citizen may report (all, or those about one kind of asset),
// filing a report from a plate (POST /public/reports, multipart with an optional photo) and following it by
// tracking number (GET /public/reports/:trackingNo). They answer only what a citizen needs: no names, phones
// or units.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type pg from 'pg';
import { RateLimiter } from '../access/rate-limiter.ts';
import type { AccessConfig, CaseConfig } from '../config.ts';
import type { CaseDeps } from '../dispatch/case.service.ts';
import { citizenCategoriesFor } from '../dispatch/category-fit.ts';
import { filePublicReport } from '../dispatch/public-intake.ts';
import { ASSET_KINDS } from '../domain/codes.ts';
import type { Live } from '../live/live.ts';
import { findCategories } from '../store/case-categories.repo.ts';
import { findPublicAsset, findPublicCase } from '../store/public.repo.ts';
import { errorResponse } from './http-error.ts';
import type { AppEnv } from './identify.ts';
import { formFile, formText, rateLimit } from './request-helpers.ts';

const CODE = /^[A-Za-z]{2}-[0-9A-Za-z]{6,16}-[0-9]{4,8}$/;
const TRACKING = /^[0-9]{16}$/;
const SYNTHETIC_NOTE = '演示数据：虚构城市，位于真实行政区边界内 (synthetic demo city)';

export interface PublicDeps {
  pool: pg.Pool;
  access: AccessConfig;
  cases: CaseConfig;
  live: Live;
}

/** The case service's dependencies, for the public intake. */
export const caseDeps = (deps: PublicDeps): CaseDeps => ({
  pool: deps.pool,
  config: deps.cases,
  events: deps.live.events,
});

export function publicRoutes(deps: PublicDeps): Hono<AppEnv> {
  const { pool: db, access } = deps;
  const app = new Hono<AppEnv>();
  app.use('*', rateLimit(new RateLimiter(access.publicPerMinute, access.publicPerMinute)));

  app.get('/assets/:code', async (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code))
      return errorResponse(c, 'INVALID_INPUT', 'a plate code looks like BD-440304-000123');
    const row = await findPublicAsset(db, code.toUpperCase());
    if (!row) return errorResponse(c, 'NOT_FOUND', `no asset has the code ${code}`);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      code: row.code,
      kind: row.kind,
      name: row.name,
      district: row.district_name,
      street: row.street_name,
      ...(row.kind === 'building' && { floors: row.floors, use: row.use, safetyGrade: row.safety_grade }),
      synthetic: row.synthetic,
      note: row.synthetic ? SYNTHETIC_NOTE : undefined,
    });
  });

  // ?assetKind=building: only the categories about that kind of asset (what the plate page offers).
  app.get('/categories', async (c) => {
    const assetKind = c.req.query('assetKind');
    if (assetKind !== undefined && !(ASSET_KINDS as readonly string[]).includes(assetKind)) {
      return errorResponse(c, 'INVALID_INPUT', `assetKind: one of ${ASSET_KINDS.join(', ')}`);
    }
    const all = await findCategories(db);
    const rows = assetKind ? citizenCategoriesFor(all, assetKind) : all.filter((r) => r.citizen);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(
      rows.map((r) => ({
        code: r.code,
        kind: r.kind,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        assetKinds: r.asset_kinds,
        photoRequired: false,
      })),
    );
  });

  app.post(
    '/reports',
    rateLimit(new RateLimiter(deps.cases.reportsPerHour, deps.cases.reportsPerHour / 60), 'reports'),
    bodyLimit({
      maxSize: deps.cases.attachmentMaxBytes + 64 * 1024,
      onError: (c) => errorResponse(c, 'LIMIT_EXCEEDED', 'the report is too large; send a smaller photo'),
    }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => null);
      if (!form) return errorResponse(c, 'INVALID_INPUT', 'send the report as multipart/form-data');
      const assetCode = formText(form, 'assetCode');
      if (!assetCode || !CODE.test(assetCode)) {
        return errorResponse(c, 'INVALID_INPUT', 'assetCode: the code on the plate, like BD-440304-000123');
      }
      const photo = await formFile(form, 'photo');
      const result = await filePublicReport(caseDeps(deps), c.get('origin'), 'citizen', {
        categoryCode: formText(form, 'categoryCode'),
        description: formText(form, 'description') ?? '',
        assetCode,
        location: null,
        address: null,
        reporterName: null,
        reporterPhone: formText(form, 'phone'),
        photo,
      });
      return c.json({ trackingNo: result.trackingNo, statusUrl: `/t/${result.trackingNo}` }, 201);
    },
  );

  app.get('/reports/:trackingNo', async (c) => {
    const trackingNo = c.req.param('trackingNo');
    if (!TRACKING.test(trackingNo))
      return errorResponse(c, 'INVALID_INPUT', 'a tracking number is 16 digits');
    const row = await findPublicCase(db, trackingNo);
    if (!row) return errorResponse(c, 'NOT_FOUND', `no report ${trackingNo}`);
    c.header('Cache-Control', 'no-store');
    return c.json({
      trackingNo: row.tracking_no,
      state: row.state,
      category: { code: row.category_code, nameZh: row.name_zh, nameEn: row.name_en },
      description: row.description,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at,
      events: row.events,
      note: SYNTHETIC_NOTE,
    });
  });
  return app;
}
