// Open311 answers in the format the path asked for: JSON as is, or the same shape as XML. Errors are the spec's
// list of {code, description}, whose code is the HTTP status.
import type { Context } from 'hono';
import type { ErrorCode } from '../../domain-error.ts';
import type { Open311Format } from './format.ts';
import { xmlDocument } from './xml.ts';

export type Open311Status = 200 | 201 | 400 | 403 | 404 | 405 | 413 | 429 | 500;

const CONTENT_TYPE: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** `root` names the XML document element (services, service_requests, service_definition, errors). */
export function open311Body(
  c: Context,
  format: Open311Format,
  root: string,
  body: unknown,
  status: Open311Status = 200,
): Response {
  const text = format === 'xml' ? xmlDocument(root, body) : JSON.stringify(body);
  return c.body(text, status, { 'Content-Type': CONTENT_TYPE[format] });
}

export function open311Error(
  c: Context,
  format: Open311Format,
  status: Exclude<Open311Status, 200 | 201>,
  description: string,
): Response {
  return open311Body(c, format, 'errors', [{ code: status, description }], status);
}

/** The spec's statuses: 404 for what does not exist, 403 for access, 400 for any other refusal (429 when rate limited). */
export function open311Status(code: ErrorCode): 400 | 403 | 404 | 429 {
  if (code === 'NOT_FOUND') return 404;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return 403;
  if (code === 'RATE_LIMITED') return 429;
  return 400;
}
