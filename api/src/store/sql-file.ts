// Loads a .sql file once. Named statements are prepared once per connection and may run a generic plan;
// `planEachTime` leaves the name off, so PostgreSQL plans each run with its values (the unnamed statement):
// the area functions need that for their CASE to fold to the one indexed predicate.
import fs from 'node:fs';
import path from 'node:path';

export interface SqlStatement {
  name?: string;
  text: string;
}

export function loadSql(dir: string, name: string, options: { planEachTime?: boolean } = {}): SqlStatement {
  const text = fs.readFileSync(path.join(dir, `${name}.sql`), 'utf8');
  return options.planEachTime ? { text } : { name, text };
}
