// The working calendar's exceptions: public holidays and the weekend days worked instead.
import { fileURLToPath } from 'node:url';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/work-calendar', import.meta.url));
const CALENDAR = loadSql(SQL_DIR, 'calendar_days');

export const findCalendarDays = (db: Queryable) =>
  queryRows<{ day: string; kind: 'holiday' | 'workday' }>(db, CALENDAR, [], 'loading the working calendar');
