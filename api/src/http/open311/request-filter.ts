// GET requests.[format]: the query as a filter, as GeoReport v2 defines it. service_request_id (comma-separated)
// overrides every other argument; service_code and status may list several values, comma-separated or
// repeated; start_date and end_date are W3C date-times and span at most 90 days, which is also the default
// window (the last 90 days, or 90 days from the one date given); at most 1000 requests are answered. An
// empty parameter counts as not given.
import { DomainError } from '../../domain-error.ts';

export const MAX_REQUESTS = 1000;
export const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
const MAX_IDS = 100;
const MAX_CODES = 50;
const STATUSES = ['open', 'closed'] as const;
type Status = (typeof STATUSES)[number];

export interface RequestFilter {
  trackingNos: string[] | null;
  categories: string[] | null;
  statuses: Status[] | null;
  from: Date | null;
  to: Date | null;
  limit: number;
}

/** Every value of a parameter, given repeated or comma-separated, trimmed; null when there is none. */
function list(values: readonly string[] | undefined): string[] | null {
  const items = (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length > 0 ? [...new Set(items)] : null;
}

function dateTime(value: string | undefined, name: string): Date | null {
  const text = value?.trim();
  if (!text) return null;
  const d = new Date(text);
  if (
    !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text) ||
    Number.isNaN(d.getTime())
  ) {
    throw new DomainError('INVALID_INPUT', `${name}: a W3C date-time such as 2026-11-21T09:00:00+08:00`);
  }
  return d;
}

/** `query(name)` gives every value the parameter has in the URL. */
export function requestFilter(query: (name: string) => string[] | undefined, now: Date): RequestFilter {
  const ids = list(query('service_request_id'));
  if (ids) {
    if (ids.length > MAX_IDS) {
      throw new DomainError('INVALID_INPUT', `service_request_id: at most ${MAX_IDS} at once`);
    }
    const bad = ids.find((id) => !/^[0-9]{16}$/.test(id));
    if (bad !== undefined) {
      throw new DomainError(
        'INVALID_INPUT',
        `service_request_id: "${bad.slice(0, 40)}" is not a 16-digit tracking number`,
      );
    }
    return { trackingNos: ids, categories: null, statuses: null, from: null, to: null, limit: ids.length };
  }

  const categories = list(query('service_code'));
  if (categories && categories.length > MAX_CODES) {
    throw new DomainError('INVALID_INPUT', `service_code: at most ${MAX_CODES} at once`);
  }
  const badCode = categories?.find((code) => !/^[A-Za-z0-9_-]{1,32}$/.test(code));
  if (badCode !== undefined) {
    throw new DomainError('INVALID_INPUT', `service_code: "${badCode.slice(0, 40)}" is not a service code`);
  }

  const statuses = list(query('status'));
  const badStatus = statuses?.find((s) => !(STATUSES as readonly string[]).includes(s));
  if (badStatus !== undefined) {
    throw new DomainError(
      'INVALID_INPUT',
      `status: open or closed, or both comma-separated (not "${badStatus.slice(0, 20)}")`,
    );
  }

  const start = dateTime(query('start_date')?.[0], 'start_date');
  const end = dateTime(query('end_date')?.[0], 'end_date');
  const window = WINDOW_DAYS * DAY_MS;
  if (start && end) {
    if (end.getTime() <= start.getTime())
      throw new DomainError('INVALID_INPUT', 'end_date must be after start_date');
    if (end.getTime() - start.getTime() > window) {
      throw new DomainError('INVALID_INPUT', `start_date to end_date may span at most ${WINDOW_DAYS} days`);
    }
  }
  const from = start ?? new Date((end ?? now).getTime() - window);
  const to = end ?? (start ? new Date(start.getTime() + window) : null);
  return {
    trackingNos: null,
    categories: categories?.map((c) => c.toUpperCase()) ?? null,
    statuses: statuses && statuses.length < STATUSES.length ? (statuses as Status[]) : null,
    from,
    to,
    limit: MAX_REQUESTS,
  };
}
