// Figures for an area (Query.areaStats): asset counts, building mix and device online rate.
import { fileURLToPath } from 'node:url';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import { areaParams, type ResolvedArea } from './area-params.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const AREA_STATS = loadSql(fileURLToPath(new URL('sql/stats', import.meta.url)), 'area_stats', {
  planEachTime: true,
});

export interface AreaStatsRow {
  by_kind: Record<string, number>;
  by_safety_grade: Record<string, number>;
  by_use: Record<string, number>;
  self_built: number;
  floor_area_m2: number;
  devices_total: number;
  devices_online: number;
  open_alerts_by_severity: Record<string, number>;
  cases: { open: number; overdue: number; due: number; closed: number; closedOnTime: number };
}

export async function findAreaStats(
  db: Queryable,
  scope: AccessScope,
  area: ResolvedArea,
): Promise<AreaStatsRow> {
  const values = [...areaParams(area), scopeCode(scope)];
  return (await queryRows<AreaStatsRow>(db, AREA_STATS, values, 'computing area figures'))[0]!;
}
