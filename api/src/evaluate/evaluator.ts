// The pure rule evaluator: (rule, state, reading) -> (state, transition). No I/O; the alert service loads the
// state, folds a device's new readings through here in time order and stores what comes out.

import { least, type Severity, worst } from '../domain/codes.ts';
import type {
  ActiveHours,
  AggregateRuleDefinition,
  Condition,
  Level,
  ReadingRuleDefinition,
  Signal,
} from './rule-definition.ts';

export interface Reading {
  metric: string;
  /** Epoch milliseconds. */
  ts: number;
  value: number;
}

type Point = [ts: number, value: number];

/** What a reading rule remembers about one device. Plain JSON: stored in rule_states.state. */
export interface RuleState {
  /** Latest judged reading per metric. */
  last: Record<string, Point>;
  /** Recent points of metrics that rate signals use, thinned to about 100 per window. */
  history: Record<string, Point[]>;
  /** First value seen per metric (baseline of `change` signals without a fixed one). */
  baseline: Record<string, number>;
  /** The condition has held since `since` for `count` readings, but not yet long enough to fire. */
  pending: { since: number; count: number } | null;
  /** Severity of the open alert, or null. */
  active: Severity | null;
}

export type Transition =
  | { type: 'fire'; severity: Severity; observed: number }
  | { type: 'change'; from: Severity; to: Severity; observed: number }
  /** Still active at the same severity: the open alert's latest value is refreshed, no event. */
  | { type: 'hold'; severity: Severity; observed: number }
  | { type: 'clear'; from: Severity; observed: number };

export interface Step {
  state: RuleState;
  transition: Transition | null;
  /** Older than (or as old as) the latest judged reading of its metric: stored, never judged. */
  late: boolean;
}

/** Readings of other metrics older than this no longer count in a composite condition. */
const DEFAULT_WITHIN_S = 6 * 3600;
const HISTORY_POINTS = 100;

export const emptyState = (): RuleState => ({
  last: {},
  history: {},
  baseline: {},
  pending: null,
  active: null,
});

const CST_OFFSET_MS = 8 * 3_600_000;

/** Minutes after midnight, China Standard Time. */
const cstMinutes = (ms: number): number => Math.floor(((ms + CST_OFFSET_MS) % 86_400_000) / 60_000);

const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

export function inActiveHours(hours: ActiveHours, ms: number): boolean {
  const m = cstMinutes(ms);
  const from = hhmm(hours.from);
  const to = hhmm(hours.to);
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** The highest level the value meets, or null. */
export function levelFor(
  levels: readonly Level[],
  direction: 'above' | 'below',
  value: number,
): Severity | null {
  let met: Severity | null = null;
  for (const level of levels) {
    if (direction === 'above' ? value >= level.value : value < level.value) met = worst(met, level.severity);
  }
  return met;
}

/** Longest rate window per metric: how much history the state keeps. */
function rateWindows(condition: Condition, out = new Map<string, number>()): Map<string, number> {
  if (condition.type === 'threshold') {
    const s = condition.signal;
    if (s.kind === 'rate') out.set(s.metric, Math.max(out.get(s.metric) ?? 0, s.over_s));
  } else {
    for (const c of condition.of) rateWindows(c, out);
  }
  return out;
}

function usesMetric(condition: Condition, metric: string): boolean {
  return condition.type === 'threshold'
    ? condition.signal.metric === metric
    : condition.of.some((c) => usesMetric(c, metric));
}

function record(state: RuleState, reading: Reading, windowS: number | undefined): RuleState {
  const point: Point = [reading.ts, reading.value];
  const next: RuleState = {
    ...state,
    last: { ...state.last, [reading.metric]: point },
    baseline:
      reading.metric in state.baseline
        ? state.baseline
        : { ...state.baseline, [reading.metric]: reading.value },
  };
  if (windowS !== undefined) {
    const windowMs = windowS * 1000;
    const kept = (state.history[reading.metric] ?? []).filter(([t]) => t >= reading.ts - windowMs);
    const newest = kept.at(-1);
    // Thin the history; the newest point always replaces a too-close predecessor's role via `last`.
    if (!newest || reading.ts - newest[0] >= windowMs / HISTORY_POINTS) kept.push(point);
    next.history = { ...state.history, [reading.metric]: kept };
  }
  return next;
}

/** The signal's value now, or null when it cannot be known (no data, stale, too little history). */
function signalValue(signal: Signal, state: RuleState, now: number, withinMs: number): number | null {
  const last = state.last[signal.metric];
  if (!last || last[0] < now - withinMs) return null;
  switch (signal.kind) {
    case 'value':
      return last[1];
    case 'change': {
      const baseline = signal.baseline ?? state.baseline[signal.metric];
      return baseline === undefined ? null : last[1] - baseline;
    }
    case 'rate': {
      const windowMs = signal.over_s * 1000;
      const points = (state.history[signal.metric] ?? []).filter(([t]) => t >= last[0] - windowMs);
      const first = points[0];
      // Two readings minutes apart say little about a per-day rate: ask for half the window at least.
      if (!first || last[0] - first[0] < windowMs / 2) return null;
      return ((last[1] - first[1]) / (last[0] - first[0])) * signal.per_s * 1000;
    }
  }
}

interface Verdict {
  /** The level met now (while active, at least the lowest level as long as the clear threshold is not passed). */
  severity: Severity | null;
  /** Active alerts stay active while this holds. */
  holding: boolean;
  observed: number;
}

function judge(
  condition: Condition,
  state: RuleState,
  now: number,
  active: boolean,
  withinMs: number,
): Verdict | null {
  if (condition.type === 'threshold') {
    const value = signalValue(condition.signal, state, now, withinMs);
    if (value === null) return null;
    const { levels, direction } = condition;
    const clear = condition.clear ?? levels[0]!.value;
    const holding = direction === 'above' ? value >= clear : value < clear;
    const met = levelFor(levels, direction, value);
    return { severity: met ?? (active && holding ? levels[0]!.severity : null), holding, observed: value };
  }
  const within =
    condition.type === 'all' && condition.within_s !== undefined ? condition.within_s * 1000 : withinMs;
  const parts = condition.of.map((c) => judge(c, state, now, active, within));
  if (condition.type === 'any') {
    const known = parts.filter((p): p is Verdict => p !== null);
    if (known.length === 0) return null;
    const severity = known.reduce<Severity | null>((s, p) => worst(s, p.severity), null);
    const decisive = known.find((p) => p.severity === severity) ?? known[0]!;
    return { severity, holding: known.some((p) => p.holding), observed: decisive.observed };
  }
  if (parts.some((p) => p === null)) return null;
  const known = parts as Verdict[];
  const severity = known.every((p) => p.severity !== null)
    ? known.map((p) => p.severity as Severity).reduce(least)
    : null;
  return { severity, holding: known.every((p) => p.holding), observed: known[0]!.observed };
}

/** One reading through one reading rule. */
export function stepReadingRule(def: ReadingRuleDefinition, state: RuleState, reading: Reading): Step {
  if (!usesMetric(def.condition, reading.metric)) return { state, transition: null, late: false };
  const previous = state.last[reading.metric];
  if (previous && reading.ts <= previous[0]) return { state, transition: null, late: true };
  let next = record(state, reading, rateWindows(def.condition).get(reading.metric));
  if (def.active_hours && !inActiveHours(def.active_hours, reading.ts)) {
    return { state: next, transition: null, late: false };
  }
  const verdict = judge(def.condition, next, reading.ts, next.active !== null, DEFAULT_WITHIN_S * 1000);
  if (verdict === null) return { state: next, transition: null, late: false };

  const active = next.active;
  if (active === null) {
    if (verdict.severity === null) {
      return { state: next.pending ? { ...next, pending: null } : next, transition: null, late: false };
    }
    const pending = next.pending
      ? { since: next.pending.since, count: next.pending.count + 1 }
      : { since: reading.ts, count: 1 };
    const due =
      reading.ts - pending.since >= (def.for_s ?? 0) * 1000 && pending.count >= (def.consecutive ?? 1);
    if (!due) return { state: { ...next, pending }, transition: null, late: false };
    next = { ...next, pending: null, active: verdict.severity };
    return {
      state: next,
      transition: { type: 'fire', severity: verdict.severity, observed: verdict.observed },
      late: false,
    };
  }
  if (!verdict.holding) {
    return {
      state: { ...next, pending: null, active: null },
      transition: { type: 'clear', from: active, observed: verdict.observed },
      late: false,
    };
  }
  const severity = verdict.severity ?? active;
  if (severity === active) {
    return { state: next, transition: { type: 'hold', severity, observed: verdict.observed }, late: false };
  }
  return {
    state: { ...next, active: severity },
    transition: { type: 'change', from: active, to: severity, observed: verdict.observed },
    late: false,
  };
}

/** Several readings of one device through one rule, in time order; the transitions in the order they happened. */
export function foldReadings(
  def: ReadingRuleDefinition,
  state: RuleState,
  readings: readonly Reading[],
): { state: RuleState; transitions: { reading: Reading; transition: Transition }[]; late: Reading[] } {
  const ordered = [...readings].sort((a, b) => a.ts - b.ts);
  const transitions: { reading: Reading; transition: Transition }[] = [];
  const late: Reading[] = [];
  let current = state;
  for (const reading of ordered) {
    const step = stepReadingRule(def, current, reading);
    current = step.state;
    if (step.late) late.push(reading);
    if (step.transition) transitions.push({ reading, transition: step.transition });
  }
  return { state: current, transitions, late };
}

/** The silence rule's verdict: offline when not heard from for `after_s` (never heard from counts too). */
export function isSilent(afterS: number, lastSeenMs: number | null, nowMs: number): boolean {
  return lastSeenMs === null || nowMs - lastSeenMs > afterS * 1000;
}

/** The period an aggregate rule judges at `nowMs`: the previous calendar month in China Standard Time. */
export function previousMonth(nowMs: number): { period: string; fromMs: number; toMs: number } {
  const local = new Date(nowMs + CST_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // this month, 0-based
  const fromMs = Date.UTC(y, m - 1, 1) - CST_OFFSET_MS;
  const toMs = Date.UTC(y, m, 1) - CST_OFFSET_MS;
  const start = new Date(fromMs + CST_OFFSET_MS);
  const period = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  return { period, fromMs, toMs };
}

export const aggregateSeverity = (def: AggregateRuleDefinition, value: number): Severity | null =>
  levelFor(def.levels, def.direction, value);
