// What filing a case looks up: the areas its point lies in, and the asset or alert it is filed from.
import { fileURLToPath } from 'node:url';
import { type AccessScope, scopeCode } from '../access/scope.ts';
import type { AreaCodes } from './cases.repo.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/case-intake', import.meta.url));
const LOCATE = loadSql(SQL_DIR, 'case_locate');
const ASSET_LOCATION = loadSql(SQL_DIR, 'case_asset_location');
const ALERT_SOURCE = loadSql(SQL_DIR, 'case_alert_source');

export async function locatePoint(db: Queryable, lon: number, lat: number): Promise<AreaCodes> {
  return (await queryRows<AreaCodes>(db, LOCATE, [lon, lat], 'finding the area of a case'))[0]!;
}

export async function findAssetLocation(
  db: Queryable,
  scope: AccessScope,
  ref: { code: string | null; id: number | null },
) {
  const rows = await queryRows<{
    id: number;
    code: string;
    kind: string;
    name: string;
    lon: number;
    lat: number;
  }>(db, ASSET_LOCATION, [ref.code, ref.id, scopeCode(scope)], 'locating the asset of a case');
  return rows[0] ?? null;
}

export interface AlertSourceRow {
  id: number;
  asset_id: number;
  severity: string;
  trigger_value: number | null;
  trigger_ts: Date | null;
  started_at: Date;
  cleared_at: Date | null;
  device_code: string;
  device_type: string;
  device_name: string;
  lon: number;
  lat: number;
  rule_code: string;
  rule_name: string;
  asset_code: string;
  asset_name: string;
  open_case: string | null;
}

export async function findAlertSource(db: Queryable, scope: AccessScope, alertId: number) {
  const rows = await queryRows<AlertSourceRow>(
    db,
    ALERT_SOURCE,
    [alertId, scopeCode(scope)],
    'loading the alert of a case',
  );
  return rows[0] ?? null;
}
