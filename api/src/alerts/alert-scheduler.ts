// Time-driven rules, run every few seconds by each API process (every statement is safe to run in several
// processes at once): devices silent too long, alerts nobody acknowledged in time, and last month's figures
// once per month (claimed in rule_runs by one process). Each commit's alert events are published at once.
import type pg from 'pg';
import { aggregateSeverity, previousMonth } from '../evaluate/evaluator.ts';
import { type AggregateRuleDefinition, parseRuleDefinition } from '../evaluate/rule-definition.ts';
import type { EventPublisher } from '../live/event-publisher.ts';
import {
  aggregateValues,
  changeAlert,
  claimRuleRun,
  clearAlert,
  escalateAlerts,
  findRulesByKind,
  fireAlert,
  fireSilentAlerts,
} from '../store/alert-state.repo.ts';
import { withTransaction } from '../store/db.ts';

export interface SchedulerDeps {
  pool: pg.Pool;
  events: EventPublisher;
  log: (line: string) => void;
  now?: () => number;
}

async function runAggregates(deps: SchedulerDeps): Promise<number[]> {
  const events: number[] = [];
  const { period, fromMs, toMs } = previousMonth((deps.now ?? Date.now)());
  for (const rule of await findRulesByKind(deps.pool, 'aggregate')) {
    const def = parseRuleDefinition(rule.definition, null) as AggregateRuleDefinition;
    const ids = await withTransaction(deps.pool, async (tx) => {
      if (!(await claimRuleRun(tx, rule.id, period))) return [];
      const out: number[] = [];
      const end = new Date(toMs);
      for (const { device_id, value } of await aggregateValues(
        tx,
        rule.device_type,
        def.metric,
        new Date(fromMs),
        end,
        def.aggregate,
      )) {
        const key = { ruleId: rule.id, deviceId: device_id };
        const severity = aggregateSeverity(def, value);
        if (severity === null) {
          out.push(...(await clearAlert(tx, key, null, value, `${period}: within the limit`)));
          continue;
        }
        const fired = await fireAlert(
          tx,
          key,
          severity,
          { metricId: null, ts: end, value },
          { rule: rule.code, period },
        );
        out.push(...(fired.length ? fired : await changeAlert(tx, key, severity, end, value)));
      }
      return out;
    });
    deps.events.alertEvents(ids);
    events.push(...ids);
  }
  return events;
}

export async function runScheduledRules(deps: SchedulerDeps): Promise<number[]> {
  // Each is one statement, committed on its own.
  const silent = await fireSilentAlerts(deps.pool);
  deps.events.alertEvents(silent);
  const escalated = await escalateAlerts(deps.pool);
  deps.events.alertEvents(escalated);
  const monthly = await runAggregates(deps);
  return [...silent, ...escalated, ...monthly];
}
