// Case KPIs (结案率, 按期结案率, 返工率, time per state) for cases due in a period, per group.
import { fileURLToPath } from 'node:url';
import { areaParams, type ResolvedArea } from './area-params.ts';
import { type CaseViewer, viewerParams } from './cases.repo.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

// The area functions need a plan per run (see sql-file.ts).
const SQL_DIR = fileURLToPath(new URL('sql/case-kpis', import.meta.url));
const KPIS = loadSql(SQL_DIR, 'case_kpis', { planEachTime: true });

export interface KpiRow {
  key: string | null;
  name: string | null;
  due: number;
  closed: number;
  closed_on_time: number;
  handled: number;
  reworked: number;
  reported: number;
  open: number;
  overdue: number;
  stage_minutes: Record<string, number>;
}

export const findCaseKpis = (
  db: Queryable,
  viewer: CaseViewer,
  area: ResolvedArea,
  from: Date,
  to: Date,
  groupBy: string,
  now: Date,
) =>
  queryRows<KpiRow>(
    db,
    KPIS,
    [...areaParams(area), ...viewerParams(viewer), from, to, groupBy, now],
    'computing case KPIs',
  );
