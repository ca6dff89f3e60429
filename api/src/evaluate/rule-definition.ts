// The shape of a rule's definition (alert_rules.definition) and its validation. Every write goes through
// parseRuleDefinition, so the evaluator can trust what it reads back.

import { isSeverity, type Severity, severityRank } from '../domain/codes.ts';
import { DomainError } from '../domain-error.ts';

/** What a threshold looks at. */
export type Signal =
  /** The reading as it is. */
  | { metric: string; kind: 'value' }
  /** Change from a fixed baseline, or from the first reading the rule saw when no baseline is given. */
  | { metric: string; kind: 'change'; baseline?: number }
  /** Change per `per_s` seconds, measured across the last `over_s` seconds (e.g. mm/day over a day). */
  | { metric: string; kind: 'rate'; per_s: number; over_s: number };

export interface Level {
  severity: Severity;
  value: number;
}

export type Condition =
  /**
   * Levels: `above` is met at or above a level's value, `below` under it. The alert clears only when the
   * signal gets past `clear` (hysteresis; default: the lowest level's value).
   */
  | { type: 'threshold'; signal: Signal; direction: 'above' | 'below'; levels: Level[]; clear?: number }
  /** Either of (e.g. GB 50497: cumulative OR rate); the worst part decides the severity. */
  | { type: 'any'; of: Condition[] }
  /**
   * All of, across metrics of the device (e.g. rainfall AND displacement rate); the mildest part decides.
   * Readings of the other metrics count when they are at most `within_s` older than the current one.
   */
  | { type: 'all'; of: Condition[]; within_s?: number };

/** Local time of day in China Standard Time, "HH:MM"; `from` after `to` spans midnight. */
export interface ActiveHours {
  from: string;
  to: string;
}

export interface ReadingRuleDefinition {
  kind: 'reading';
  condition: Condition;
  /** The condition must hold this long before the alert fires (Prometheus `for`). */
  for_s?: number;
  /** … and for this many readings in a row. */
  consecutive?: number;
  /** Only readings in these hours are judged (e.g. lamps at night). */
  active_hours?: ActiveHours;
  /** Only devices on assets with these attributes (e.g. lamps on trunk roads). */
  applies_to?: { road_classes?: string[] };
}

/** No data for `after_s`: the device is offline (e.g. a camera silent for 3 days). */
export interface SilenceRuleDefinition {
  kind: 'silence';
  after_s: number;
  severity: Severity;
}

/** A scheduled rule: last calendar month's aggregate of a metric per device against levels. */
export interface AggregateRuleDefinition {
  kind: 'aggregate';
  metric: string;
  aggregate: 'sum' | 'avg' | 'max';
  period: 'month';
  direction: 'above' | 'below';
  levels: Level[];
}

export type RuleDefinition = ReadingRuleDefinition | SilenceRuleDefinition | AggregateRuleDefinition;

const MAX_DEPTH = 4;
const MAX_PARTS = 8;
const DAY_S = 86_400;
const METRIC_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

class Checker {
  constructor(private readonly metrics: ReadonlySet<string> | null) {}

  fail(path: string, message: string): never {
    throw new DomainError('INVALID_INPUT', `rule definition: ${path} ${message}`);
  }

  object(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
    if (!value || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'must be an object');
    const extra = Object.keys(value).filter((k) => !keys.includes(k));
    if (extra.length) this.fail(path, `has unknown field "${extra[0]!.slice(0, 40)}"`);
    return value as Record<string, unknown>;
  }

  number(value: unknown, path: string, min = -1e9, max = 1e9): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'must be a finite number');
    if (value < min || value > max) this.fail(path, `must be from ${min} to ${max}`);
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number {
    const n = this.number(value, path, min, max);
    if (!Number.isInteger(n)) this.fail(path, 'must be a whole number');
    return n;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${options.join(', ')}`);
    }
    return value as T;
  }

  metric(value: unknown, path: string): string {
    if (typeof value !== 'string' || !METRIC_KEY.test(value)) this.fail(path, 'must be a metric key');
    if (this.metrics && !this.metrics.has(value)) {
      this.fail(path, `"${value}" is not a metric of this device type`);
    }
    return value;
  }

  levels(value: unknown, path: string, direction: 'above' | 'below'): Level[] {
    if (!Array.isArray(value) || value.length === 0 || value.length > 4) {
      this.fail(path, 'must list 1 to 4 levels');
    }
    const levels = value.map((l, i) => {
      const o = this.object(l, `${path}[${i}]`, ['severity', 'value']);
      if (!isSeverity(o.severity)) this.fail(`${path}[${i}].severity`, 'must be blue, yellow, orange or red');
      return { severity: o.severity, value: this.number(o.value, `${path}[${i}].value`) };
    });
    levels.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    for (let i = 1; i < levels.length; i++) {
      const prev = levels[i - 1]!;
      const cur = levels[i]!;
      if (prev.severity === cur.severity) this.fail(path, `has ${cur.severity} twice`);
      const ordered = direction === 'above' ? cur.value > prev.value : cur.value < prev.value;
      if (!ordered) {
        this.fail(
          path,
          `must grow ${direction === 'above' ? 'higher' : 'lower'} with severity (${prev.severity} ${prev.value}, ${cur.severity} ${cur.value})`,
        );
      }
    }
    return levels;
  }

  signal(value: unknown, path: string): Signal {
    const base = this.object(value, path, ['metric', 'kind', 'baseline', 'per_s', 'over_s']);
    const metric = this.metric(base.metric, `${path}.metric`);
    const kind = this.oneOf(base.kind, `${path}.kind`, ['value', 'change', 'rate'] as const);
    if (kind === 'value') {
      this.object(value, path, ['metric', 'kind']);
      return { metric, kind };
    }
    if (kind === 'change') {
      this.object(value, path, ['metric', 'kind', 'baseline']);
      return base.baseline === undefined
        ? { metric, kind }
        : { metric, kind, baseline: this.number(base.baseline, `${path}.baseline`) };
    }
    this.object(value, path, ['metric', 'kind', 'per_s', 'over_s']);
    return {
      metric,
      kind,
      per_s: this.integer(base.per_s, `${path}.per_s`, 1, 30 * DAY_S),
      over_s: this.integer(base.over_s, `${path}.over_s`, 60, 7 * DAY_S),
    };
  }

  condition(value: unknown, path: string, depth: number): Condition {
    if (depth > MAX_DEPTH) this.fail(path, `nests deeper than ${MAX_DEPTH}`);
    const o = this.object(value, path, ['type', 'signal', 'direction', 'levels', 'clear', 'of', 'within_s']);
    const type = this.oneOf(o.type, `${path}.type`, ['threshold', 'any', 'all'] as const);
    if (type === 'threshold') {
      this.object(value, path, ['type', 'signal', 'direction', 'levels', 'clear']);
      const direction = this.oneOf(o.direction, `${path}.direction`, ['above', 'below'] as const);
      const levels = this.levels(o.levels, `${path}.levels`, direction);
      const condition: Condition = {
        type,
        signal: this.signal(o.signal, `${path}.signal`),
        direction,
        levels,
      };
      if (o.clear !== undefined) {
        const clear = this.number(o.clear, `${path}.clear`);
        const lowest = levels[0]!.value;
        if (direction === 'above' ? clear > lowest : clear < lowest) {
          this.fail(`${path}.clear`, `must be on the safe side of the lowest level (${lowest})`);
        }
        condition.clear = clear;
      }
      return condition;
    }
    this.object(value, path, type === 'all' ? ['type', 'of', 'within_s'] : ['type', 'of']);
    if (!Array.isArray(o.of) || o.of.length < 2 || o.of.length > MAX_PARTS) {
      this.fail(`${path}.of`, `must list 2 to ${MAX_PARTS} conditions`);
    }
    const of = o.of.map((c, i) => this.condition(c, `${path}.of[${i}]`, depth + 1));
    if (type === 'any') return { type, of };
    return o.within_s === undefined
      ? { type, of }
      : { type, of, within_s: this.integer(o.within_s, `${path}.within_s`, 1, 7 * DAY_S) };
  }

  definition(value: unknown): RuleDefinition {
    const o = this.object(value, 'definition', [
      'kind',
      'condition',
      'for_s',
      'consecutive',
      'active_hours',
      'applies_to',
      'after_s',
      'severity',
      'metric',
      'aggregate',
      'period',
      'direction',
      'levels',
    ]);
    const kind = this.oneOf(o.kind, 'definition.kind', ['reading', 'silence', 'aggregate'] as const);
    if (kind === 'silence') {
      this.object(value, 'definition', ['kind', 'after_s', 'severity']);
      if (!isSeverity(o.severity)) this.fail('definition.severity', 'must be blue, yellow, orange or red');
      return {
        kind,
        after_s: this.integer(o.after_s, 'definition.after_s', 60, 30 * DAY_S),
        severity: o.severity,
      };
    }
    if (kind === 'aggregate') {
      this.object(value, 'definition', ['kind', 'metric', 'aggregate', 'period', 'direction', 'levels']);
      const direction = this.oneOf(o.direction, 'definition.direction', ['above', 'below'] as const);
      return {
        kind,
        metric: this.metric(o.metric, 'definition.metric'),
        aggregate: this.oneOf(o.aggregate, 'definition.aggregate', ['sum', 'avg', 'max'] as const),
        period: this.oneOf(o.period, 'definition.period', ['month'] as const),
        direction,
        levels: this.levels(o.levels, 'definition.levels', direction),
      };
    }
    this.object(value, 'definition', [
      'kind',
      'condition',
      'for_s',
      'consecutive',
      'active_hours',
      'applies_to',
    ]);
    const def: ReadingRuleDefinition = {
      kind,
      condition: this.condition(o.condition, 'definition.condition', 1),
    };
    if (o.for_s !== undefined) def.for_s = this.integer(o.for_s, 'definition.for_s', 0, 7 * DAY_S);
    if (o.consecutive !== undefined)
      def.consecutive = this.integer(o.consecutive, 'definition.consecutive', 1, 100);
    if (o.active_hours !== undefined) {
      const h = this.object(o.active_hours, 'definition.active_hours', ['from', 'to']);
      for (const k of ['from', 'to'] as const) {
        if (typeof h[k] !== 'string' || !HHMM.test(h[k]))
          this.fail(`definition.active_hours.${k}`, 'must be HH:MM');
      }
      if (h.from === h.to) this.fail('definition.active_hours', 'must not start and end at the same time');
      def.active_hours = { from: h.from as string, to: h.to as string };
    }
    if (o.applies_to !== undefined) {
      const a = this.object(o.applies_to, 'definition.applies_to', ['road_classes']);
      const classes = a.road_classes;
      if (!Array.isArray(classes) || classes.length === 0) {
        this.fail('definition.applies_to.road_classes', 'must list road classes');
      }
      def.applies_to = {
        road_classes: classes.map((c, i) =>
          this.oneOf(c, `definition.applies_to.road_classes[${i}]`, [
            'trunk',
            'secondary',
            'branch',
          ] as const),
        ),
      };
    }
    return def;
  }
}

/**
 * Checks a definition and returns it normalised (levels sorted by severity). `metrics`: the metric keys of
 * the rule's device type, or null to skip that check (reading back definitions already checked).
 */
export function parseRuleDefinition(value: unknown, metrics: ReadonlySet<string> | null): RuleDefinition {
  return new Checker(metrics).definition(value);
}
