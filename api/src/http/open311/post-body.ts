// The fields of a POST requests.[format]: form-encoded as GeoReport v2 says (multipart also read), or a JSON
// object of strings and numbers. Other values (files, nested JSON) are left out.
import type { Context } from 'hono';
import { DomainError } from '../../domain-error.ts';
import { readJsonBody } from '../request-helpers.ts';

export type Fields = Readonly<Record<string, string | undefined>>;

export async function readFields(c: Context): Promise<Fields> {
  const fields: Record<string, string> = {};
  if (/json/i.test(c.req.header('content-type') ?? '')) {
    const json: unknown = await readJsonBody(c).catch(() => null);
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw new DomainError('INVALID_INPUT', 'the body is not a JSON object');
    }
    for (const [k, v] of Object.entries(json)) {
      if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
    }
    return fields;
  }
  const form = await c.req.parseBody().catch(() => null);
  if (!form) throw new DomainError('INVALID_INPUT', 'send application/x-www-form-urlencoded');
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') fields[k] = v;
  return fields;
}
