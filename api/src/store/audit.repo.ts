// The audit log: written in the same transaction as the change it records, read by admins.
import { fileURLToPath } from 'node:url';
import type { Actor } from '../access/principal.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/audit', import.meta.url));
const INSERT = loadSql(SQL_DIR, 'audit_insert');
const PAGE = loadSql(SQL_DIR, 'audit_page', { planEachTime: true });
const COUNT = loadSql(SQL_DIR, 'audit_count', { planEachTime: true });

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  target?: { type: string; id: string | number } | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor_kind: Actor['kind'];
  actor_id: number | null;
  actor_name: string;
  action: string;
  outcome: AuditOutcome;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
}

export interface AuditFilter {
  actorName: string | null;
  action: string | null;
  targetType: string | null;
  targetId: string | null;
  from: Date | null;
  to: Date | null;
  outcome: AuditOutcome | null;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function insertAudit(db: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await queryRows(
    db,
    INSERT,
    [
      actor.kind,
      actor.id,
      actor.name,
      entry.action,
      entry.outcome,
      entry.target?.type ?? null,
      entry.target ? String(entry.target.id) : null,
      actor.origin.ip,
      actor.origin.userAgent?.slice(0, 400) ?? null,
      json(entry.before),
      json(entry.after),
      json(entry.detail),
    ],
    `writing the audit entry for ${entry.action}`,
  );
}

function filterParams(f: AuditFilter): unknown[] {
  return [f.actorName, f.action, f.targetType, f.targetId, f.from, f.to, f.outcome];
}

export function findAuditPage(
  db: Queryable,
  filter: AuditFilter,
  beforeId: number | null,
  limit: number,
): Promise<AuditRow[]> {
  const values = [...filterParams(filter), beforeId, limit];
  return queryRows<AuditRow>(db, PAGE, values, 'reading the audit log');
}

export async function countAudit(db: Queryable, filter: AuditFilter): Promise<number> {
  return (await queryRows<{ n: number }>(db, COUNT, filterParams(filter), 'counting audit entries'))[0]!.n;
}
