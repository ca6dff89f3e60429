// Responsible units (责任单位) for the API.
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/units', import.meta.url));
const BY_IDS = loadSql(SQL_DIR, 'units_by_ids');
const BY_CODES = loadSql(SQL_DIR, 'units_by_codes');

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  area_code: string;
  phone: string | null;
}

export function findUnitsByIds(db: Queryable, ids: readonly number[]): Promise<UnitRow[]> {
  return queryRows<UnitRow>(db, BY_IDS, [ids], 'loading responsible units');
}

export function findUnitsByCodes(db: Queryable, codes: readonly string[]): Promise<UnitRow[]> {
  return queryRows<UnitRow>(db, BY_CODES, [codes], 'loading responsible units by code');
}
