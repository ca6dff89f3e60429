// Attachments (photos of cases) as rows: recording an upload, and which ones a caller may see and cite.
import { fileURLToPath } from 'node:url';
import type { Actor } from '../access/principal.ts';
import { type CaseViewer, viewerParams } from './cases.repo.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/attachments', import.meta.url));
const ATTACHMENT_INSERT = loadSql(SQL_DIR, 'attachment_insert');
const ATTACHMENTS_KNOWN = loadSql(SQL_DIR, 'attachments_known');
const ATTACHMENTS_VISIBLE = loadSql(SQL_DIR, 'attachments_visible');

/** Who uploads or asks for an attachment, as the audit log names actors (users and tokens by id). */
export interface AttachmentActor {
  kind: Actor['kind'];
  id: number | null;
  name: string;
}

export async function insertAttachment(
  db: Queryable,
  a: { hash: string; mime: string; size: number; uploader: AttachmentActor },
): Promise<void> {
  const { kind, id, name } = a.uploader;
  await queryRows(
    db,
    ATTACHMENT_INSERT,
    [a.hash, a.mime, a.size, name, kind, kind === 'user' || kind === 'token' ? id : null],
    'recording an attachment',
  );
}

/** Which of the hashes are stored, whoever uploaded them (for the server's own actors only). */
export async function findKnownAttachments(db: Queryable, hashes: readonly string[]): Promise<Set<string>> {
  const rows = await queryRows<{ hash: string }>(db, ATTACHMENTS_KNOWN, [hashes], 'checking attachments');
  return new Set(rows.map((r) => r.hash));
}

export interface AttachmentRow {
  hash: string;
  mime: string;
  size_bytes: number;
}

/**
 * The attachments among `hashes` the caller may see, fetch and cite: those they uploaded (a user or token,
 * by id), or those on a case the viewer sees (their scope and unit).
 */
export async function findVisibleAttachments(
  db: Queryable,
  viewer: CaseViewer,
  caller: Pick<AttachmentActor, 'kind' | 'id'>,
  hashes: readonly string[],
): Promise<AttachmentRow[]> {
  const byId = caller.kind === 'user' || caller.kind === 'token' ? caller.id : null;
  return queryRows<AttachmentRow>(
    db,
    ATTACHMENTS_VISIBLE,
    [hashes, ...viewerParams(viewer), caller.kind, byId],
    'loading attachments',
  );
}
