// The hostile-input suite's vocabulary: what an input is (an HTTP request, raw bytes on a socket, an MQTT
// message), who sends it, and what the contract says about the readings inside it, so the test can tell a
// valid reading that was lost from a bad one that was stored.

/** Who sends an HTTP input: a bearer token of this role, or nobody. */
export type Sender = 'analyst' | 'admin' | 'api_client' | 'duty_officer' | 'anonymous';

/** A reading inside an ingest input, and what the contract says about it. */
export interface ReadingOracle {
  device: string;
  metric: string;
  /** As sent. */
  ts: string;
  /**
   * stored: valid by the contract (a known device and one of its type's metrics, a finite JSON number within
   * ±1e12, an ISO 8601 time with an offset, inside the retention and not ahead of the clock) in a batch the
   * server reads item by item, so it must be stored whatever else the batch holds. refused: it must not be
   * stored. either: the whole request may fairly be refused (e.g. an unusual content type), so it may or may
   * not be stored.
   */
  expect: 'stored' | 'refused' | 'either';
}

interface Base {
  /** The family the figures are grouped by (graphql, geojson, ingest-http, ingest-mqtt, uploads, …). */
  family: string;
  /** The kind within the family (deep, wide, huge, wrong types, polyglot, traversal, …). */
  sub: string;
  /** A short description for reports: what is hostile about it. */
  label: string;
}

export interface HttpInput extends Base {
  kind: 'http';
  method: string;
  /** Sent as is (percent-encoded where needed; never normalised). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Default: analyst. */
  as?: Sender;
  readings?: ReadingOracle[];
  /** Files in the request: when it is refused, none of them may be recorded. */
  files?: Uint8Array[];
}

/** Bytes written to a fresh connection (malformed HTTP the usual clients cannot send). */
export interface RawInput extends Base {
  kind: 'raw';
  bytes: Uint8Array;
}

export interface MqttInput extends Base {
  kind: 'mqtt';
  /** The topic below the ingest's prefix ('' is the prefix followed by a slash). */
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1;
  readings?: ReadingOracle[];
}

export type HostileInput = HttpInput | RawInput | MqttInput;

/** What the generators need to know about the seeded city (read from the test database). */
export interface HostileContext {
  seed: number;
  /** The run's clock: valid readings are stamped in [windowStartMs, windowEndMs). */
  nowMs: number;
  windowStartMs: number;
  windowEndMs: number;
  /** Devices the suite may send readings for, with their type's metrics (those without alert rules first). */
  devices: readonly { code: string; type: string; metrics: readonly string[] }[];
  /** Metric keys that exist, but not for the devices above' types. */
  foreignMetrics: readonly string[];
  /** Real asset codes (一栋一码) and their kinds. */
  assets: readonly { code: string; kind: string }[];
  /** Citizen case categories. */
  categories: readonly string[];
  /** Stored building tiles (street, level, x, y). */
  buildingTiles: readonly { street: string; level: number; x: number; y: number }[];
  /** Area codes by level. */
  areas: { district: readonly string[]; street: readonly string[] };
  /** A unique run id, for names (users, tokens, codes) that must not collide with other runs. */
  runId: string;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Values JSON cannot carry; written as the tokens a careless client sends (which makes the text invalid JSON). */
export const NAN = Symbol('NaN');
export const INF = Symbol('Infinity');
export const NEG_INF = Symbol('-Infinity');

/**
 * Text spliced into JSON as is: nesting thousands deep, which JSON.stringify cannot write (it recurses and
 * runs out of stack near 5,000 levels).
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** `depth` arrays around a value, as JSON text (also a valid GraphQL list literal). */
export function nestedArray(depth: number, inner: unknown = 114): RawJson {
  return new RawJson(`${'['.repeat(depth)}${JSON.stringify(inner)}${']'.repeat(depth)}`);
}

/** `depth` objects {"key": …} around a value, as JSON text. */
export function nestedObject(depth: number, key: string, inner: unknown = 1): RawJson {
  return new RawJson(
    `${`{${JSON.stringify(key)}:`.repeat(depth)}${JSON.stringify(inner)}${'}'.repeat(depth)}`,
  );
}

/**
 * JSON text of a value with RawJson spliced in; the symbols above become NaN / Infinity tokens, or null (as
 * JSON.stringify writes NaN) when `tokens` is false.
 */
export function toJson(value: unknown, tokens = false): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raw.push(v.text);
      return `@@raw${raw.length - 1}@@`;
    }
    if (v === NAN) return tokens ? '@@NaN@@' : null;
    if (v === INF) return tokens ? '@@Inf@@' : null;
    if (v === NEG_INF) return tokens ? '@@-Inf@@' : null;
    return v;
  });
  return text
    .replace(/"@@raw(\d+)@@"/g, (_m, i: string) => raw[Number(i)]!)
    .replaceAll('"@@NaN@@"', 'NaN')
    .replaceAll('"@@Inf@@"', 'Infinity')
    .replaceAll('"@@-Inf@@"', '-Infinity');
}

export const json = (value: unknown): string => toJson(value, false);
