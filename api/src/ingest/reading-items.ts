// Ingest input, pure: request bodies and MQTT payloads into items, and each item checked into a reading or a
// rejection with a reason. The service looks devices up; this module decides.
import { parseJson } from '../bounded-json.ts';

/** Why an item was refused; kept with the item in ingest_rejects. */
export const REJECT_REASONS = [
  'MALFORMED',
  'UNKNOWN_DEVICE',
  'UNKNOWN_METRIC',
  'BAD_VALUE',
  'BAD_TIME',
  'IN_FUTURE',
  'TOO_OLD',
  'FORBIDDEN',
  'LIMIT_EXCEEDED',
  /** Read, but the database refused to store it (kept so it cannot block the readings after it). */
  'UNSTORABLE',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejection {
  index: number;
  reason: RejectReason;
  message: string;
  /** The item as received, for the dead-letter table. */
  item: unknown;
}

/** The fields of a device the checks need. */
export interface IngestDevice {
  id: number;
  code: string;
  type: string;
  assetId: number;
  districtCode: string;
  streetCode: string | null;
  roadClass: string | null;
}

export interface CheckedReading {
  index: number;
  device: IngestDevice;
  metricId: number;
  metric: string;
  /** Epoch milliseconds. */
  ts: number;
  /** Epoch microseconds: what is stored (PostgreSQL keeps microseconds; finer digits are cut). */
  tsMicros: number;
  value: number;
}

export interface CheckContext {
  nowMs: number;
  maxFutureMs: number;
  retentionMs: number;
  device(code: string): IngestDevice | undefined;
  /** The metric's id when the device type reports it. */
  metricId(deviceType: string, metric: string): number | undefined;
  /** Whether the caller may send readings for this device (their area scope). */
  mayWrite(device: IngestDevice): boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_TEXT = 120;

const short = (value: unknown): string => {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** An ISO 8601 time with a UTC offset, checked field by field (30 February is refused, not rolled over). */
export function parseTimestamp(value: unknown): number | string {
  if (typeof value !== 'string') return 'ts must be an ISO 8601 string such as 2026-11-21T09:30:00+08:00';
  const m = ISO.exec(value);
  if (!m) return `ts "${short(value)}" is not ISO 8601 with a UTC offset (Z or +08:00)`;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[];
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > days || h! > 23 || mi! > 59 || s! > 59) {
    return `ts "${short(value)}" is not a real time`;
  }
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : `ts "${short(value)}" is not a real time`;
}

export function checkItem(index: number, item: unknown, ctx: CheckContext): CheckedReading | Rejection {
  const reject = (reason: RejectReason, message: string): Rejection => ({ index, reason, message, item });
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    return reject('MALFORMED', 'an item must be an object {"device", "metric", "ts", "value"}');
  }
  const o = item as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !['device', 'metric', 'ts', 'value'].includes(k));
  if (extra !== undefined) return reject('MALFORMED', `unknown field "${short(extra)}"`);
  if (!isCode(o.device)) return reject('MALFORMED', 'device must be a device code string');
  if (!isCode(o.metric)) return reject('MALFORMED', 'metric must be a metric key string');
  const device = ctx.device(o.device);
  if (!device) return reject('UNKNOWN_DEVICE', `no device has the code "${short(o.device)}"`);
  if (!ctx.mayWrite(device)) return reject('FORBIDDEN', `device ${device.code} is outside your area`);
  const metricId = ctx.metricId(device.type, o.metric);
  if (metricId === undefined) {
    return reject('UNKNOWN_METRIC', `a ${device.type} does not report "${short(o.metric)}"`);
  }
  if (typeof o.value !== 'number' || !Number.isFinite(o.value)) {
    return reject('BAD_VALUE', `value must be a finite JSON number, not ${short(o.value)}`);
  }
  if (Math.abs(o.value) > 1e12) return reject('BAD_VALUE', `value ${o.value} is out of range`);
  const ts = parseTimestamp(o.ts);
  if (typeof ts === 'string') return reject('BAD_TIME', ts);
  if (ts > ctx.nowMs + ctx.maxFutureMs) {
    return reject('IN_FUTURE', `ts ${o.ts} is ahead of the server clock; check the device clock`);
  }
  if (ts < ctx.nowMs - ctx.retentionMs) {
    return reject(
      'TOO_OLD',
      `ts ${o.ts} is older than the ${Math.round(ctx.retentionMs / 86_400_000)}-day retention`,
    );
  }
  return {
    index,
    device,
    metricId,
    metric: o.metric,
    ts,
    tsMicros: micros(o.ts as string, ts),
    value: o.value,
  };
}

/** The epoch microseconds of a time parseTimestamp accepted as `ms` (Date.parse cuts the fraction to ms). */
function micros(text: string, ms: number): number {
  const fraction = (ISO.exec(text)![7] ?? '').padEnd(6, '0');
  return ms * 1000 + Number(fraction.slice(3, 6));
}

/** A stored reading's time as PostgreSQL takes it, to the microsecond, in UTC. */
export function microsIso(tsMicros: number): string {
  const us = ((tsMicros % 1000) + 1000) % 1000;
  const iso = new Date((tsMicros - us) / 1000).toISOString();
  return `${iso.slice(0, -1)}${String(us).padStart(3, '0')}Z`;
}

/** A code or key as the database can hold it: 1–120 characters, no NUL. */
export function isCode(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT && !value.includes('\u0000')
  );
}

export const isRejection = (r: CheckedReading | Rejection): r is Rejection => 'reason' in r;

/** The items of a request body: a JSON array (or one object), or NDJSON (one item per line). */
export type ParsedBody = { items: unknown[]; malformed: Rejection[] } | { error: string };

export function parseBody(text: string, ndjson: boolean): ParsedBody {
  if (!ndjson) {
    const parsed = parseJson(text, 'the body');
    if ('error' in parsed) return parsed;
    return { items: Array.isArray(parsed.value) ? parsed.value : [parsed.value], malformed: [] };
  }
  const items: unknown[] = [];
  const malformed: Rejection[] = [];
  const lines = text.split('\n');
  let index = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = parseJson(line, `line ${index + 1}`);
    if ('error' in parsed) {
      items[index] = undefined;
      malformed.push({ index, reason: 'MALFORMED', message: parsed.error, item: line.slice(0, 2048) });
    } else items[index] = parsed.value;
    index++;
  }
  return { items, malformed };
}

/**
 * Items of an MQTT message. Topics: <prefix>/<device> with {metric, ts, value}, an array of them, or
 * {ts, values: {metric: value, …}}; <prefix>/<device>/<metric> with {ts, value} or an array of them.
 */
export function itemsFromMqtt(
  device: string,
  metric: string | null,
  payload: Buffer,
): { items: unknown[] } | { error: string } {
  const json = parseJson(payload.toString('utf8'), 'the payload');
  if ('error' in json) return json;
  const parsed = json.value;
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const items: unknown[] = [];
  for (const entry of list) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      items.push(entry);
      continue;
    }
    const o = entry as Record<string, unknown>;
    if (o.device !== undefined && o.device !== device) {
      items.push({ ...o, device: `${short(o.device)} (topic says ${device})` });
      continue;
    }
    if (metric === null && o.values && typeof o.values === 'object' && !Array.isArray(o.values)) {
      const { values, ...rest } = o;
      for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
        items.push({ ...rest, device, metric: key, value });
      }
      continue;
    }
    items.push({ ...o, device, ...(metric !== null && { metric }) });
  }
  return { items };
}
