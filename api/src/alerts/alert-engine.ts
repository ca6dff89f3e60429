// Evaluates newly stored readings inside the ingest transaction: loads the rules and the locked devices'
// rule states, folds each device's readings through the pure evaluator and writes the transitions, so the
// readings, the rule state and the alerts are committed together (or not at all).
import { emptyState, foldReadings, type Reading, type RuleState } from '../evaluate/evaluator.ts';
import { parseRuleDefinition, type ReadingRuleDefinition } from '../evaluate/rule-definition.ts';
import type { IngestDevice } from '../ingest/reading-items.ts';
import {
  changeAlert,
  clearAlert,
  clearSilentAlerts,
  findRuleStates,
  findRulesForTypes,
  fireAlert,
  holdAlerts,
  type RuleRow,
  saveRuleStates,
  type TransitionKey,
} from '../store/alert-state.repo.ts';
import type { Queryable } from '../store/db.ts';

export interface NewReading {
  device: IngestDevice;
  metricId: number;
  metric: string;
  ts: number;
  value: number;
}

export interface Evaluation {
  /** alert_events ids written, for the live fan-out. */
  eventIds: number[];
  /** Readings older than one already judged for their metric: stored, not judged. */
  late: number;
}

interface ReadingRule {
  row: RuleRow;
  def: ReadingRuleDefinition;
}

function appliesTo(def: ReadingRuleDefinition, device: IngestDevice): boolean {
  const classes = def.applies_to?.road_classes;
  return !classes || (device.roadClass !== null && classes.includes(device.roadClass));
}

export interface EvaluateOptions {
  /**
   * Record each transition at its reading's time instead of now: for replaying a history (the demo seed), so
   * an alert's timeline reads as it would have happened.
   */
  recordAtReadingTime?: boolean;
}

export async function evaluateReadings(
  tx: Queryable,
  readings: readonly NewReading[],
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  if (readings.length === 0) return { eventIds: [], late: 0 };
  const byDevice = new Map<number, NewReading[]>();
  for (const r of readings) {
    const list = byDevice.get(r.device.id);
    if (list) list.push(r);
    else byDevice.set(r.device.id, [r]);
  }
  const types = [...new Set(readings.map((r) => r.device.type))];
  const rules = await findRulesForTypes(tx, types);
  const eventIds: number[] = [];
  const deviceIds = [...byDevice.keys()];

  // Any reading means the device is alive again.
  if (rules.some((r) => r.kind === 'silence')) eventIds.push(...(await clearSilentAlerts(tx, deviceIds)));

  const readingRules = new Map<string, ReadingRule[]>();
  for (const row of rules) {
    if (row.kind !== 'reading') continue;
    const def = parseRuleDefinition(row.definition, null) as ReadingRuleDefinition;
    const list = readingRules.get(row.device_type) ?? [];
    list.push({ row, def });
    readingRules.set(row.device_type, list);
  }
  if (readingRules.size === 0) return { eventIds, late: 0 };

  const states = new Map<string, RuleState>();
  for (const s of await findRuleStates(tx, deviceIds))
    states.set(`${s.rule_id}:${s.device_id}`, s.state as RuleState);

  const lateReadings = new Set<NewReading>();
  const newStates: { ruleId: number; deviceId: number; state: RuleState }[] = [];
  const holds = new Map<string, TransitionKey & { ts: Date; value: number }>();
  for (const [deviceId, list] of byDevice) {
    const device = list[0]!.device;
    // The evaluator hands back the Reading objects it was given; this finds the stored reading behind each.
    const stored = new Map<Reading, NewReading>(
      list.map((r) => [{ metric: r.metric, ts: r.ts, value: r.value }, r]),
    );
    const evaluation = [...stored.keys()];
    for (const { row, def } of readingRules.get(device.type) ?? []) {
      if (!appliesTo(def, device)) continue;
      const key = `${row.id}:${deviceId}`;
      const before = states.get(key) ?? emptyState();
      const out = foldReadings(def, before, evaluation);
      for (const late of out.late) lateReadings.add(stored.get(late)!);
      if (out.state !== before) newStates.push({ ruleId: row.id, deviceId, state: out.state });
      const k: TransitionKey = { ruleId: row.id, deviceId };
      for (const { reading, transition } of out.transitions) {
        const ts = new Date(reading.ts);
        const recordedAt = options.recordAtReadingTime ? ts : null;
        const { metricId } = stored.get(reading)!;
        switch (transition.type) {
          case 'fire':
            holds.delete(key);
            eventIds.push(
              ...(await fireAlert(
                tx,
                k,
                transition.severity,
                { metricId, ts, value: reading.value },
                { rule: row.code, observed: transition.observed, metric: reading.metric },
                recordedAt,
              )),
            );
            break;
          case 'change':
            holds.delete(key);
            eventIds.push(...(await changeAlert(tx, k, transition.to, ts, reading.value, recordedAt)));
            break;
          case 'clear':
            holds.delete(key);
            eventIds.push(...(await clearAlert(tx, k, ts, reading.value, null, recordedAt)));
            break;
          case 'hold':
            holds.set(key, { ...k, ts, value: reading.value });
            break;
        }
      }
    }
  }
  await holdAlerts(tx, [...holds.values()]);
  await saveRuleStates(tx, newStates);
  return { eventIds, late: lateReadings.size };
}
