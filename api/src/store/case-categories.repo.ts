// The case categories (部件 and 事件) with their stage deadlines, the units and devices and assets they concern.
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/case-categories', import.meta.url));
const CATEGORIES = loadSql(SQL_DIR, 'case_categories');

export interface CategoryRow {
  code: string;
  kind: 'component' | 'event';
  name_zh: string;
  name_en: string;
  unit_kinds: string[];
  device_types: string[];
  /** The asset kinds the category is about; a report from an asset's plate must name one that fits it. */
  asset_kinds: string[];
  natural_time: boolean;
  requires_evidence: boolean;
  citizen: boolean;
  deadlines: Record<'normal' | 'urgent', Record<string, number>>;
}

export const findCategories = (db: Queryable) =>
  queryRows<CategoryRow>(db, CATEGORIES, [], 'loading case categories');
