// Attachments of case steps: POST /attachments (the raw file, or multipart with a "file" field) answers the
// file's id (its SHA-256) to name in createCase / transitionCase; GET /attachments/<id> serves a file the
// caller may see (one they uploaded, or one on a case in their area and unit). The same rule decides which
// ids a case step may cite (case.service.ts), so citing a file cannot widen who sees it.
import fs from 'node:fs/promises';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { actorOf } from '../access/principal.ts';
import { can } from '../access/roles.ts';
import type { CaseConfig } from '../config.ts';
import { attachmentPath, storeAttachment } from '../dispatch/attachment-store.ts';
import { caseViewer } from '../dispatch/case.service.ts';
import { findVisibleAttachments } from '../store/attachments.repo.ts';
import { insertAudit } from '../store/audit.repo.ts';
import type { Queryable } from '../store/db.ts';
import { errorResponse } from './http-error.ts';
import { type AppEnv, isJson } from './identify.ts';
import { formFile } from './request-helpers.ts';

export function attachmentRoutes(db: Queryable, config: CaseConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const viewer = c.get('viewer');
    if (!viewer) return errorResponse(c, 'UNAUTHENTICATED', 'sign in first or send a bearer token');
    if (!can(viewer.role, 'map:read'))
      return errorResponse(c, 'FORBIDDEN', `the role ${viewer.role} has no cases`);
    await next();
  });

  app.post(
    '/',
    bodyLimit({
      maxSize: config.attachmentMaxBytes + 16 * 1024,
      onError: (c) =>
        errorResponse(
          c,
          'LIMIT_EXCEEDED',
          `a file may be at most ${Math.round(config.attachmentMaxBytes / 1048576)} MiB`,
        ),
    }),
    async (c) => {
      const viewer = c.get('viewer')!;
      if (
        !['cases:dispatch', 'cases:handle', 'alerts:handle'].some((p) =>
          can(viewer.role, p as 'cases:handle'),
        )
      ) {
        return errorResponse(c, 'FORBIDDEN', `the role ${viewer.role} does not work on cases`);
      }
      const type = c.req.header('content-type') ?? '';
      // A cookie-carried upload must not be a form a foreign page could post (CSRF): raw bytes need a
      // non-form content type, which a cross-site form cannot send without a preflight.
      let bytes: Uint8Array | null;
      if (/^multipart\/form-data/i.test(type)) {
        if (viewer.kind === 'user' && c.req.header('x-requested-with') !== 'fetch') {
          return errorResponse(c, 'FORBIDDEN', 'send the header X-Requested-With: fetch with a form upload');
        }
        const form = await c.req.parseBody().catch(() => null);
        bytes = form ? await formFile(form, 'file') : null;
      } else if (/^application\/x-www-form-urlencoded|^text\/plain/i.test(type) || isJson(type)) {
        return errorResponse(
          c,
          'INVALID_INPUT',
          'send the file itself (e.g. image/jpeg) or multipart with "file"',
        );
      } else {
        bytes = new Uint8Array(await c.req.arrayBuffer());
      }
      if (!bytes) return errorResponse(c, 'INVALID_INPUT', 'no file in the request');
      const stored = await storeAttachment(db, config, bytes, viewer);
      await insertAudit(db, actorOf(viewer, c.get('origin')), {
        action: 'uploadAttachment',
        outcome: 'ok',
        target: { type: 'attachment', id: stored.hash },
        detail: { mime: stored.mime, size: stored.size },
      });
      return c.json(
        { id: stored.hash, mime: stored.mime, size: stored.size, url: `/attachments/${stored.hash}` },
        201,
      );
    },
  );

  app.get('/:hash', async (c) => {
    const viewer = c.get('viewer')!;
    const hash = c.req.param('hash');
    if (!/^[0-9a-f]{64}$/.test(hash))
      return errorResponse(c, 'INVALID_INPUT', 'an attachment id is 64 hex digits');
    const [row] = await findVisibleAttachments(db, caseViewer(viewer), viewer, [hash]);
    if (!row) return errorResponse(c, 'NOT_FOUND', `no attachment ${hash} for you`);
    const bytes = await fs.readFile(attachmentPath(config, hash)).catch(() => null);
    if (!bytes)
      return errorResponse(c, 'NOT_FOUND', `attachment ${hash} is recorded but its file is missing`);
    c.header('Content-Type', row.mime);
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    c.header('Content-Disposition', row.mime === 'application/pdf' ? 'attachment' : 'inline');
    return c.body(bytes);
  });
  return app;
}
