// Changes people make to alerts and rules, each audited in its own transaction whose alert events are
// published after the commit: acknowledging or escalating an alert, and creating or editing a rule (checked
// by the pure definition parser against the device type's metrics).
import type pg from 'pg';
import type { Actor } from '../access/principal.ts';
import type { AccessScope } from '../access/scope.ts';
import { DomainError } from '../domain-error.ts';
import { parseRuleDefinition, type RuleDefinition } from '../evaluate/rule-definition.ts';
import type { EventPublisher } from '../live/event-publisher.ts';
import {
  acknowledgeAlertRow,
  escalateAlertRow,
  findRuleForUpdate,
  insertRule,
  type RuleFullRow,
  type RuleInsert,
  resetRule,
  updateRule,
} from '../store/alerts.repo.ts';
import { insertAudit } from '../store/audit.repo.ts';
import { type Queryable, withTransaction } from '../store/db.ts';
import { findDeviceTypeMetrics } from '../store/ingest.repo.ts';

const MAX_COMMENT = 2000;

/** What the alert service works with: the database and where its events are announced. */
export interface AlertDeps {
  pool: pg.Pool;
  events: EventPublisher;
}

function checkedComment(comment: string, whenEmpty: string): string {
  const text = comment.replaceAll('\u0000', '').trim();
  if (text.length === 0) throw new DomainError('INVALID_INPUT', whenEmpty);
  if (text.length > MAX_COMMENT)
    throw new DomainError('LIMIT_EXCEEDED', `a comment is at most ${MAX_COMMENT} characters`);
  return text;
}

/** Acknowledges an alert once; returns the new event id. */
export async function acknowledgeAlert(
  deps: AlertDeps,
  actor: Actor,
  scope: AccessScope,
  alertId: number,
  comment: string,
): Promise<number> {
  const text = checkedComment(comment, 'say what was done in the comment');
  const eventId = await withTransaction(deps.pool, async (tx) => {
    const row = await acknowledgeAlertRow(tx, scope, alertId, actor.name, text);
    if (!row) throw new DomainError('NOT_FOUND', `no alert ${alertId} in your area`);
    if (row.already || row.event_id === null) {
      throw new DomainError('CONFLICT', `alert ${alertId} is already acknowledged`);
    }
    await insertAudit(tx, actor, {
      action: 'acknowledgeAlert',
      outcome: 'ok',
      target: { type: 'alert', id: alertId },
      detail: { comment: text.slice(0, 200) },
    });
    return row.event_id;
  });
  deps.events.alertEvents([eventId]);
  return eventId;
}

/** An officer escalates an active alert one level up the chain; returns the new event id. */
export async function escalateAlert(
  deps: AlertDeps,
  actor: Actor,
  scope: AccessScope,
  alertId: number,
  comment: string,
): Promise<number> {
  const text = checkedComment(comment, 'say why in the comment');
  const eventId = await withTransaction(deps.pool, async (tx) => {
    const row = await escalateAlertRow(tx, scope, alertId, actor.name, text);
    if (!row) throw new DomainError('NOT_FOUND', `no alert ${alertId} in your area`);
    if (row.cleared) throw new DomainError('CONFLICT', `alert ${alertId} is cleared`);
    if (row.event_id === null)
      throw new DomainError('CONFLICT', `alert ${alertId} is already escalated to the city`);
    await insertAudit(tx, actor, {
      action: 'escalateAlert',
      outcome: 'ok',
      target: { type: 'alert', id: alertId },
      detail: { level: row.level_before + 1, comment: text.slice(0, 200) },
    });
    return row.event_id;
  });
  deps.events.alertEvents([eventId]);
  return eventId;
}

async function metricsOf(db: Queryable, deviceType: string): Promise<Set<string>> {
  const rows = await findDeviceTypeMetrics(db);
  const keys = rows.filter((r) => r.device_type === deviceType).map((r) => r.key);
  if (keys.length === 0)
    throw new DomainError('INVALID_INPUT', `unknown device type "${deviceType.slice(0, 40)}"`);
  return new Set(keys);
}

export interface RuleInput {
  code: string;
  nameZh: string;
  nameEn: string;
  deviceType: string;
  definition: unknown;
  escalateAfterS: number | null;
  citation: string;
  enabled: boolean;
}

function checkTexts(r: { nameZh: string; nameEn: string; citation: string }): void {
  if (r.nameZh.trim().length === 0 || r.nameZh.length > 100)
    throw new DomainError('INVALID_INPUT', 'nameZh: 1 to 100 characters');
  if (r.nameEn.trim().length === 0 || r.nameEn.length > 200)
    throw new DomainError('INVALID_INPUT', 'nameEn: 1 to 200 characters');
  if (r.citation.trim().length === 0 || r.citation.length > 1000) {
    throw new DomainError('INVALID_INPUT', 'citation: say where the limits come from (1 to 1000 characters)');
  }
}

function checkEscalation(seconds: number | null): void {
  if (seconds !== null && (!Number.isInteger(seconds) || seconds < 60 || seconds > 30 * 86_400)) {
    throw new DomainError('INVALID_INPUT', 'escalateAfterS must be from 60 to 2592000 seconds, or null');
  }
}

async function checkedRule(
  db: Queryable,
  input: RuleInput,
): Promise<RuleInsert & { definition: RuleDefinition }> {
  if (!/^[a-z][a-z0-9_.-]{2,63}$/.test(input.code)) {
    throw new DomainError('INVALID_INPUT', 'code: 3 to 64 lower-case letters, digits, ".", "_" or "-"');
  }
  checkTexts(input);
  checkEscalation(input.escalateAfterS);
  const definition = parseRuleDefinition(input.definition, await metricsOf(db, input.deviceType));
  return { ...input, kind: definition.kind, definition };
}

export async function createRule(pool: pg.Pool, actor: Actor, input: RuleInput): Promise<RuleFullRow> {
  const rule = await checkedRule(pool, input);
  return withTransaction(pool, async (tx) => {
    const row = await insertRule(tx, rule, actor.name);
    if (!row) throw new DomainError('CONFLICT', `a rule with the code ${input.code} exists`);
    await insertAudit(tx, actor, {
      action: 'createAlertRule',
      outcome: 'ok',
      target: { type: 'alert_rule', id: row.id },
      after: row,
    });
    return row;
  });
}

export interface RuleChange {
  id: number;
  /** The version the editor read: a concurrent edit in between makes this one fail with CONFLICT. */
  version: number;
  nameZh?: string | null;
  nameEn?: string | null;
  definition?: unknown;
  escalateAfterS?: number | null;
  citation?: string | null;
  enabled?: boolean | null;
}

/** Returns the changed rule and the alert events caused (a disabled or redefined rule clears its alerts). */
export async function changeRule(
  deps: AlertDeps,
  actor: Actor,
  change: RuleChange,
): Promise<{ rule: RuleFullRow; eventIds: number[] }> {
  const result = await withTransaction(deps.pool, async (tx) => {
    const before = await findRuleForUpdate(tx, change.id);
    if (!before) throw new DomainError('NOT_FOUND', `no alert rule has the id ${change.id}`);
    if (before.version !== change.version) {
      throw new DomainError(
        'CONFLICT',
        `rule ${before.code} changed meanwhile (version ${before.version}); reload it`,
      );
    }
    const next = {
      nameZh: change.nameZh ?? before.name_zh,
      nameEn: change.nameEn ?? before.name_en,
      citation: change.citation ?? before.citation,
      enabled: change.enabled ?? before.enabled,
      escalateAfterS: change.escalateAfterS === undefined ? before.escalate_after_s : change.escalateAfterS,
      definition: before.definition,
    };
    checkTexts(next);
    checkEscalation(next.escalateAfterS);
    if (change.definition !== undefined && change.definition !== null) {
      const parsed = parseRuleDefinition(change.definition, await metricsOf(tx, before.device_type));
      if (parsed.kind !== before.kind) {
        throw new DomainError(
          'INVALID_INPUT',
          `a ${before.kind} rule stays a ${before.kind} rule; create a new rule`,
        );
      }
      next.definition = parsed;
    }
    const rule = await updateRule(tx, before, next, actor.name);
    if (!rule) throw new DomainError('CONFLICT', `rule ${before.code} changed meanwhile; reload it`);
    const redefined = JSON.stringify(rule.definition) !== JSON.stringify(before.definition);
    const eventIds =
      (before.enabled && !rule.enabled) || redefined
        ? await resetRule(tx, rule.id, rule.enabled ? 'rule changed' : 'rule disabled')
        : [];
    await insertAudit(tx, actor, {
      action: 'updateAlertRule',
      outcome: 'ok',
      target: { type: 'alert_rule', id: rule.id },
      before,
      after: rule,
    });
    return { rule, eventIds };
  });
  deps.events.alertEvents(result.eventIds);
  return result;
}
