// Loads a .sql file once; the name makes node-postgres prepare it once per connection.
import fs from 'node:fs';
import path from 'node:path';

export interface SqlStatement {
  name: string;
  text: string;
}

export function loadSql(dir: string, name: string): SqlStatement {
  return { name, text: fs.readFileSync(path.join(dir, `${name}.sql`), 'utf8') };
}
