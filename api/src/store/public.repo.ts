// Reads for public surfaces (QR plate lookup, placing an Open311 address, a report's status page and the Open311
// request list): a fixed, minimal set of columns.
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/public', import.meta.url));
const PUBLIC_ASSET = loadSql(SQL_DIR, 'public_asset');
const ADDRESS_CANDIDATES = loadSql(SQL_DIR, 'address_candidates');
const CASE_BY_TRACKING = loadSql(SQL_DIR, 'case_by_tracking');
const REQUESTS = loadSql(SQL_DIR, 'cases_by_tracking_list');

export interface PublicAssetRow {
  code: string;
  kind: string;
  name: string;
  synthetic: boolean;
  district_name: string;
  street_name: string | null;
  floors: number | null;
  use: string | null;
  safety_grade: string | null;
}

export async function findPublicAsset(db: Queryable, code: string): Promise<PublicAssetRow | null> {
  return (await queryRows<PublicAssetRow>(db, PUBLIC_ASSET, [code], 'looking up a QR code'))[0] ?? null;
}

export interface AddressCandidateRow {
  code: string;
  name: string;
  city: string | null;
  district: string;
  street: string | null;
  community: string | null;
}

/** Place-like assets whose name is one of `names`, with their area names; longest names first. */
export const findAddressCandidates = (db: Queryable, names: readonly string[], limit = 200) =>
  queryRows<AddressCandidateRow>(db, ADDRESS_CANDIDATES, [names, limit], 'placing an address');

export interface PublicCaseRow {
  id: number;
  tracking_no: string;
  state: string;
  source: string;
  category_code: string;
  name_zh: string;
  name_en: string;
  description: string;
  address: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  stage_due_at: Date | null;
  merged_into: number | null;
  lon: number;
  lat: number;
  events: { at: string; action: string; state: string }[];
}

export interface RequestListRow {
  id: number;
  tracking_no: string;
  state: string;
  category_code: string;
  name_zh: string;
  description: string;
  address: string | null;
  created_at: Date;
  updated_at: Date;
  stage_due_at: Date | null;
  unit_code: string | null;
  unit_name: string | null;
  /** The asset the case is about (its code is the Open311 address_id). */
  asset_code: string | null;
  lon: number;
  lat: number;
  status_notes: string | null;
  /** The link the reporter sent with the report (Open311 media_url). */
  media_url: string | null;
}

export async function findPublicCase(db: Queryable, trackingNo: string): Promise<PublicCaseRow | null> {
  return (
    (
      await queryRows<PublicCaseRow>(db, CASE_BY_TRACKING, [trackingNo], 'loading a case by tracking number')
    )[0] ?? null
  );
}

export const findRequests = (
  db: Queryable,
  f: {
    trackingNos: string[] | null;
    categories: string[] | null;
    statuses: ('open' | 'closed')[] | null;
    from: Date | null;
    to: Date | null;
    limit: number;
  },
) =>
  queryRows<RequestListRow>(
    db,
    REQUESTS,
    [f.trackingNos, f.categories, f.statuses, f.from, f.to, f.limit],
    'listing service requests',
  );
