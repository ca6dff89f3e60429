// npm run schema: writes api/schema.graphql from the pothos code; a test fails when the file drifts.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../api/src/config.ts';
import { schemaSdl } from '../api/src/graphql/schema.ts';

export const SCHEMA_FILE = path.join(ROOT_DIR, 'api/schema.graphql');

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(SCHEMA_FILE, schemaSdl());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
