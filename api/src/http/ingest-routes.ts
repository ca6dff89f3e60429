// POST /ingest: readings from devices and gateways, as a JSON array or NDJSON, with a bearer token (or a
// session) whose role may send readings. 200 once the batch is committed, with what was rejected and why;
// 422 when nothing in it could be used; 400 for a body that is not JSON; 413 when it is too large.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { can } from '../access/roles.ts';
import type { IngestConfig } from '../config.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { parseBody } from '../ingest/reading-items.ts';
import type { Queryable } from '../store/db.ts';
import { insertRejects } from '../store/ingest.repo.ts';
import { errorResponse } from './http-error.ts';
import type { AppEnv } from './identify.ts';

/** Bytes allowed per item on average: a reading is about 100 bytes of JSON. */
const BYTES_PER_ITEM = 512;

export function ingestRoutes(db: Queryable, ingest: IngestService, config: IngestConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const maxBytes = config.maxItems * BYTES_PER_ITEM;
  const refuse = (actor: string, reason: string, message: string, item: string) =>
    insertRejects(db, 'http', actor, [{ reason, message, item: item.slice(0, 2048) }]);

  app.post(
    '/',
    async (c, next) => {
      const viewer = c.get('viewer');
      if (!viewer) return errorResponse(c, 'UNAUTHENTICATED', 'send "Authorization: Bearer <token>"');
      if (!can(viewer.role, 'readings:ingest')) {
        return errorResponse(c, 'FORBIDDEN', `the role ${viewer.role} may not send readings`);
      }
      await next();
    },
    bodyLimit({
      maxSize: maxBytes,
      onError: async (c) => {
        const message = `the body is over ${Math.round(maxBytes / 1024)} KiB; send at most ${config.maxItems} readings per request`;
        await refuse(c.get('viewer')!.name, 'LIMIT_EXCEEDED', message, '(body not kept)');
        return errorResponse(c, 'LIMIT_EXCEEDED', message);
      },
    }),
    async (c) => {
      const viewer = c.get('viewer')!;
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const ndjson = type === 'application/x-ndjson' || type === 'application/jsonl';
      if (!ndjson && type !== 'application/json') {
        return errorResponse(c, 'INVALID_INPUT', 'send application/json (an array) or application/x-ndjson');
      }
      const text = await c.req.text();
      const parsed = parseBody(text, ndjson);
      if ('error' in parsed) {
        await refuse(viewer.name, 'MALFORMED', parsed.error, text);
        return errorResponse(c, 'INVALID_INPUT', parsed.error);
      }
      if (parsed.items.length > config.maxItems) {
        const message = `${parsed.items.length} readings in one request; the limit is ${config.maxItems}`;
        await refuse(viewer.name, 'LIMIT_EXCEEDED', message, text);
        return errorResponse(c, 'LIMIT_EXCEEDED', message);
      }
      const result = await ingest.ingest({
        items: parsed.items,
        malformed: parsed.malformed,
        source: 'http',
        actor: viewer.name,
        scope: viewer.scope,
      });
      const nothingUsable = result.stored + result.duplicates === 0 && result.rejected.length > 0;
      return c.json(result, nothingUsable ? 422 : 200);
    },
  );
  return app;
}
