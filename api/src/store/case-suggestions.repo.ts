// What the console offers around a case: units serving its place, patrol officers nearest to it, and open
// cases of its category nearby that it may repeat.
import { fileURLToPath } from 'node:url';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import type { CaseRow } from './cases.repo.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/case-suggestions', import.meta.url));
const UNITS = loadSql(SQL_DIR, 'case_unit_suggestions');
const PATROL = loadSql(SQL_DIR, 'case_patrol_nearest');
const DUPLICATES = loadSql(SQL_DIR, 'case_duplicates');

export interface UnitSuggestionRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  phone: string | null;
}

export interface PatrolOfficerRow {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  district_code: string;
  street_code: string | null;
  distance_m: number;
}

export const findUnitSuggestions = (db: Queryable, lon: number, lat: number, category: string) =>
  queryRows<UnitSuggestionRow>(db, UNITS, [lon, lat, category], 'suggesting units');

export const findNearestPatrolOfficers = (
  db: Queryable,
  scope: AccessScope,
  lon: number,
  lat: number,
  k: number,
) =>
  queryRows<PatrolOfficerRow>(
    db,
    PATROL,
    [lon, lat, k, scopeCode(scope)],
    'finding the nearest patrol officers',
  );

export const findDuplicateCandidates = (
  db: Queryable,
  scope: AccessScope,
  p: { lon: number; lat: number; category: string; radiusM: number; except: number | null },
) =>
  queryRows<CaseRow & { distance_m: number }>(
    db,
    DUPLICATES,
    [p.lon, p.lat, p.category, p.radiusM, p.except, scopeCode(scope)],
    'looking for duplicate cases',
  );
