// The steps of cases (append-only): recording one, a case's history, and events as live subscribers get them.
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/case-events', import.meta.url));
const EVENT_INSERT = loadSql(SQL_DIR, 'case_event_insert');
const EVENTS_BY_CASES = loadSql(SQL_DIR, 'case_events_by_cases');
const EVENTS_BY_IDS = loadSql(SQL_DIR, 'case_events_by_ids');

export interface CaseEventRow {
  id: number;
  case_id: number;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  actor_role: string;
  comment: string | null;
  attachments: string[];
  data: Record<string, unknown>;
}

/** A case event as live subscribers get it. */
export interface CaseLiveEventRow extends CaseEventRow {
  tracking_no: string;
  case_state: string;
  category_code: string;
  district_code: string;
  street_code: string | null;
  community_code: string | null;
  grid_code: string | null;
  unit_code: string | null;
  escalation_level: number;
  lon: number;
  lat: number;
}

export interface CaseEventInsert {
  caseId: number;
  at: Date;
  action: string;
  from: string | null;
  to: string;
  actor: string;
  actorRole: string;
  comment: string | null;
  attachments: readonly string[];
  data: Record<string, unknown>;
}

export async function insertCaseEvent(db: Queryable, e: CaseEventInsert): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    db,
    EVENT_INSERT,
    [
      e.caseId,
      e.at,
      e.action,
      e.from,
      e.to,
      e.actor,
      e.actorRole,
      e.comment,
      e.attachments,
      JSON.stringify(e.data),
    ],
    'recording a case event',
  );
  return Number(rows[0]!.id);
}

export const findCaseEvents = (db: Queryable, caseIds: readonly number[]) =>
  queryRows<CaseEventRow>(db, EVENTS_BY_CASES, [caseIds], 'loading case histories');

export const findCaseLiveEvents = (db: Queryable, ids: readonly number[]) =>
  queryRows<CaseLiveEventRow>(db, EVENTS_BY_IDS, [ids], 'loading case events');
