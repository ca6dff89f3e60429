// Threshold lines for a chart, read from alert rule definitions (see api/src/evaluate/rule-definition.ts):
// each `threshold` condition on the metric's value (or its change from a fixed baseline) gives one line per
// level; rates, changes without a baseline, silence and monthly rules give none.
import { SEVERITIES } from '../../data/codes.ts';
import type { Severity } from '../types.ts';

export interface ThresholdLine {
  severity: Severity;
  value: number;
  direction: 'above' | 'below';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function severityOf(value: unknown): Severity | null {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : null;
}

function collect(condition: unknown, metric: string, depth: number, out: ThresholdLine[]): void {
  if (!isObject(condition) || depth > 8) return;
  if ((condition.type === 'any' || condition.type === 'all') && Array.isArray(condition.of)) {
    for (const part of condition.of) collect(part, metric, depth + 1, out);
    return;
  }
  if (condition.type !== 'threshold' || !isObject(condition.signal)) return;
  const { signal, direction, levels } = condition;
  if (
    signal.metric !== metric ||
    (direction !== 'above' && direction !== 'below') ||
    !Array.isArray(levels)
  ) {
    return;
  }
  let offset: number;
  if (signal.kind === 'value') offset = 0;
  else if (signal.kind === 'change' && typeof signal.baseline === 'number') offset = signal.baseline;
  else return;
  for (const level of levels) {
    if (!isObject(level) || typeof level.value !== 'number' || !Number.isFinite(level.value)) continue;
    const severity = severityOf(level.severity);
    if (severity) out.push({ severity, value: offset + level.value, direction });
  }
}

/** The lines a rule definition draws for `metric`, mildest severity first, without repeats. */
export function thresholdLines(definition: unknown, metric: string): ThresholdLine[] {
  return rulesThresholdLines([definition], metric);
}

/** The lines of several rules (e.g. every rule for a device type) for `metric`. */
export function rulesThresholdLines(definitions: readonly unknown[], metric: string): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  for (const definition of definitions) {
    if (isObject(definition) && definition.kind === 'reading')
      collect(definition.condition, metric, 0, lines);
  }
  const seen = new Set<string>();
  return lines
    .filter((l) => {
      const key = `${l.severity}:${l.value}:${l.direction}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.value - b.value);
}
