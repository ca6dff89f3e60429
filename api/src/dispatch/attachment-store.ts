// Case attachments (photos of the problem and of the result, documents) on disk under ATTACHMENTS_DIR by
// their SHA-256, so the same file uploaded twice is stored once; every uploader is recorded (who may cite
// and fetch it: case.service.ts, attachment-routes.ts). The type is read from the bytes, never taken from the
// client's word; only images and PDF are kept.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CaseConfig } from '../config.ts';
import { DomainError } from '../domain-error.ts';
import { type AttachmentActor, insertAttachment } from '../store/attachments.repo.ts';
import type { Queryable } from '../store/db.ts';

const SIGNATURES: readonly { mime: string; test: (b: Uint8Array) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  {
    mime: 'image/webp',
    test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  },
  { mime: 'application/pdf', test: (b) => ascii(b, 0, 5) === '%PDF-' },
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/** The type of a file from its first bytes, or null when it is not one that is kept. */
export function sniffMime(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

export const ACCEPTED_TYPES = SIGNATURES.map((s) => s.mime);

export interface StoredAttachment {
  hash: string;
  mime: string;
  size: number;
}

export function attachmentPath(config: CaseConfig, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash))
    throw new DomainError('INVALID_INPUT', 'an attachment id is 64 hex digits');
  return path.join(config.attachmentsDir, hash.slice(0, 2), hash);
}

/** Checks, writes (atomically, once per content) and records a file and who uploaded it. */
export async function storeAttachment(
  db: Queryable,
  config: CaseConfig,
  bytes: Uint8Array,
  uploader: AttachmentActor,
): Promise<StoredAttachment> {
  if (bytes.byteLength === 0) throw new DomainError('INVALID_INPUT', 'the file is empty');
  if (bytes.byteLength > config.attachmentMaxBytes) {
    throw new DomainError(
      'LIMIT_EXCEEDED',
      `a file may be at most ${Math.round(config.attachmentMaxBytes / 1024 / 1024)} MiB`,
    );
  }
  const mime = sniffMime(bytes);
  if (!mime) {
    throw new DomainError('INVALID_INPUT', `only ${ACCEPTED_TYPES.join(', ')} files are accepted`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const target = attachmentPath(config, hash);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const exists = await fs.stat(target).then(
    (s) => s.size === bytes.byteLength,
    () => false,
  );
  if (!exists) {
    const temp = `${target}.${randomUUID()}.part`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
  }
  await insertAttachment(db, { hash, mime, size: bytes.byteLength, uploader });
  return { hash, mime, size: bytes.byteLength };
}
