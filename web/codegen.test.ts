// web/src/data/generated/graphql.ts is committed; it must be what the codegen makes of api/schema.graphql.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { GENERATED_FILE, generateTypes } from './codegen.ts';

it('web/src/data/generated/graphql.ts matches api/schema.graphql (run `npm run codegen` after changing it)', async () => {
  const committed = fs.readFileSync(GENERATED_FILE, 'utf8');
  expect(
    (await generateTypes()) === committed,
    'web/src/data/generated/graphql.ts is stale: run `npm run codegen` and commit it',
  ).toBe(true);
});
