// Persisted operations for outside clients (PERSISTED_OPERATIONS): a JSON object from operation id (e.g. the
// SHA-256 of the document, as Apollo clients send it) to the GraphQL document. Read and parsed once at start.
import fs from 'node:fs';
import { parse } from 'graphql';
import { StartupError } from '../startup-error.ts';

export function loadPersistedOperations(file: string | null): ReadonlyMap<string, string> | null {
  if (file === null) return null;
  let entries: [string, unknown][];
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
    entries = Object.entries(parsed);
  } catch (cause) {
    throw new StartupError(
      `cannot read the persisted operations in ${file}: ${(cause as Error).message}`,
      'PERSISTED_OPERATIONS must name a JSON file {"<id>": "<GraphQL document>"}',
      { cause },
    );
  }
  const operations = new Map<string, string>();
  for (const [id, document] of entries) {
    try {
      if (typeof document !== 'string') throw new Error('the value is not a string');
      parse(document);
    } catch (cause) {
      throw new StartupError(
        `persisted operation "${id}" in ${file} is not a GraphQL document: ${(cause as Error).message}`,
        'fix or remove it',
        { cause },
      );
    }
    operations.set(id, document);
  }
  return operations;
}
