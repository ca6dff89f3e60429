// Reads for public surfaces (QR plate lookup): a fixed, minimal set of columns per asset.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const PUBLIC_ASSET = loadSql(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql'), 'public_asset');

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
