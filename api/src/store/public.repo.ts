// Reads for public surfaces (QR plate lookup, placing an Open311 address): a fixed, minimal set of columns.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const PUBLIC_ASSET = loadSql(SQL_DIR, 'public_asset');
const ADDRESS_CANDIDATES = loadSql(SQL_DIR, 'address_candidates');

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
