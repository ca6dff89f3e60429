// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) on the same intake as the citizen page, so
// existing city apps can file and follow requests, in XML (the spec's required format) or JSON:
//   GET  services.[format]                 the categories a citizen may report
//   GET  services/<service_code>.[format]  a service definition (no extra attributes)
//   GET  requests.[format]                 search (service_request_id, service_code, status, start/end_date)
//   POST requests.[format]                 file (form-encoded as the spec says; JSON also read)
//   GET  requests/<service_request_id>.[format]
// service_request_id is the case's tracking number; address_id is an asset code (一栋一码). jurisdiction_id
// may be left out, or must be ours. Every refusal, on every path below /open311/v2, is the spec's error list.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { RateLimiter } from '../access/rate-limiter.ts';
import { filePublicReport } from '../dispatch/public-intake.ts';
import { DomainError } from '../domain-error.ts';
import { type CategoryRow, findCategories } from '../store/case-categories.repo.ts';
import { findRequests } from '../store/public.repo.ts';
import type { AppEnv } from './identify.ts';
import { errorFormat, formatOf, type Open311Format, splitResource } from './open311/format.ts';
import { checkJurisdiction } from './open311/jurisdiction.ts';
import { readFields } from './open311/post-body.ts';
import { open311RateLimit } from './open311/rate-limit.ts';
import { reportFromFields } from './open311/report-fields.ts';
import { requestFilter } from './open311/request-filter.ts';
import { open311Body, open311Error, open311Status } from './open311/respond.ts';
import { toFiledRequest, toRequest, toService, toServiceDefinition } from './open311/views.ts';
import { caseDeps, type PublicDeps } from './public-routes.ts';

const MAX_BODY = 64 * 1024;

export interface Open311Deps extends PublicDeps {
  log?: (line: string) => void;
}

/** The format a resource file names, or a 400 saying which we offer. */
function formatFor(extension: string | null): Open311Format {
  const format = formatOf(extension);
  if (format) return format;
  throw new DomainError(
    'INVALID_INPUT',
    extension === null
      ? 'name the format at the end of the resource: .xml or .json'
      : `"${extension.slice(0, 20)}" is not a format of this endpoint; use .xml or .json`,
  );
}

/** The methods a resource path allows (GET on every one, POST on requests.[format]); null: no such resource. */
function allowedMethods(path: string): string[] | null {
  if (/\/open311\/v2\/requests\.[^/]+$/.test(path)) return ['GET', 'POST'];
  if (/\/open311\/v2\/(services\.[^/]+|services\/[^/]+|requests\/[^/]+)$/.test(path)) return ['GET'];
  return null;
}

const citizenCategories = async (deps: PublicDeps) =>
  (await findCategories(deps.pool)).filter((r) => r.citizen);

export function open311Routes(deps: Open311Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const ours = deps.cases.open311JurisdictionId;
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const failFormat = (c: Context) => errorFormat(c.req.path, c.req.header('accept'));

  app.use('*', open311RateLimit(new RateLimiter(deps.access.publicPerMinute, deps.access.publicPerMinute)));
  app.use('*', async (c, next) => {
    checkJurisdiction(c.req.query('jurisdiction_id'), ours);
    await next();
  });
  app.onError((error, c) => {
    if (error instanceof DomainError) {
      return open311Error(c, failFormat(c), open311Status(error.code), error.message);
    }
    if (error instanceof HTTPException) return open311Error(c, failFormat(c), 400, error.message);
    log(`error serving ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return open311Error(c, failFormat(c), 500, 'internal error; the operators have it in the server log');
  });

  const noSuchRoute = (c: Context) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed) {
      c.header('Allow', allowed.join(', '));
      return open311Error(
        c,
        failFormat(c),
        405,
        `${c.req.method} is not allowed here; use ${allowed.join(' or ')}`,
      );
    }
    return open311Error(
      c,
      failFormat(c),
      404,
      `no Open311 resource at ${c.req.path.slice(0, 200)}; see services.xml, requests.xml, services/<service_code>.xml and requests/<service_request_id>.xml`,
    );
  };

  const services = async (c: Context, format: Open311Format) =>
    open311Body(c, format, 'services', (await citizenCategories(deps)).map(toService));

  const requests = async (c: Context, format: Open311Format) => {
    const filter = requestFilter((name) => c.req.queries(name), new Date());
    const rows = await findRequests(deps.pool, filter);
    return open311Body(c, format, 'service_requests', rows.map(toRequest));
  };

  app.get('/:file', async (c, next) => {
    const { base, extension } = splitResource(c.req.param('file'));
    if (base === 'services') return services(c, formatFor(extension));
    if (base === 'requests') return requests(c, formatFor(extension));
    return next();
  });

  app.get('/services/:file', async (c) => {
    const { base: code, extension } = splitResource(c.req.param('file'));
    const format = formatFor(extension);
    const category = (await citizenCategories(deps)).find((r) => r.code === code.toUpperCase());
    if (!category)
      return open311Error(c, format, 404, `no service ${code.slice(0, 40)}; see services.${format}`);
    return open311Body(c, format, 'service_definition', toServiceDefinition(category));
  });

  app.get('/requests/:file', async (c) => {
    const { base: id, extension } = splitResource(c.req.param('file'));
    const format = formatFor(extension);
    const [row] = /^[0-9]{16}$/.test(id)
      ? await findRequests(deps.pool, {
          trackingNos: [id],
          categories: null,
          statuses: null,
          from: null,
          to: null,
          limit: 1,
        })
      : [];
    if (!row) return open311Error(c, format, 404, `no service request ${id.slice(0, 40)}`);
    return open311Body(c, format, 'service_requests', [toRequest(row)]);
  });

  app.post(
    '/:file',
    async (c, next) => {
      const { base, extension } = splitResource(c.req.param('file'));
      if (base !== 'requests') return noSuchRoute(c);
      formatFor(extension);
      await next();
    },
    open311RateLimit(new RateLimiter(deps.cases.reportsPerHour, deps.cases.reportsPerHour / 60), 'reports'),
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) => open311Error(c, failFormat(c), 413, `the request is over ${MAX_BODY / 1024} KiB`),
    }),
    async (c) => {
      const format = formatFor(splitResource(c.req.param('file')).extension);
      const fields = await readFields(c);
      checkJurisdiction(fields.jurisdiction_id, ours);
      const report = reportFromFields(fields);
      const category: CategoryRow | undefined = (await citizenCategories(deps)).find(
        (r) => r.code === report.categoryCode!.toUpperCase(),
      );
      if (!category) {
        return open311Error(
          c,
          format,
          404,
          `no service ${report.categoryCode!.slice(0, 40)}; see services.${format}`,
        );
      }
      const result = await filePublicReport(caseDeps(deps), c.get('origin'), 'open311', {
        ...report,
        categoryCode: category.code,
      });
      return open311Body(c, format, 'service_requests', [toFiledRequest(result.trackingNo)], 201);
    },
  );

  app.all('*', noSuchRoute);
  return app;
}
