// Cases with effects: intake from every source (alert, citizen, patrol, hotline, Open311), transitions under
// an optimistic version, the automatic 督办 of overdue cases, each in one transaction with its events and
// audit entry, whose events are published after the commit. The rules themselves are pure (case-machine.ts,
// case-effects.ts, work-calendar.ts).
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import type { Actor as AuditActor } from '../access/principal.ts';
import type { Role } from '../access/roles.ts';
import type { AccessScope } from '../access/scope.ts';
import type { CaseConfig } from '../config.ts';
import type { CaseAction, CaseSource, CaseState, Urgency } from '../domain/codes.ts';
import { DomainError } from '../domain-error.ts';
import type { EventPublisher } from '../live/event-publisher.ts';
import { findKnownAttachments, findVisibleAttachments } from '../store/attachments.repo.ts';
import { insertAudit } from '../store/audit.repo.ts';
import { type CategoryRow, findCategories } from '../store/case-categories.repo.ts';
import { insertCaseEvent } from '../store/case-events.repo.ts';
import { findAlertSource, findAssetLocation, locatePoint } from '../store/case-intake.repo.ts';
import { findDuplicateCandidates } from '../store/case-suggestions.repo.ts';
import {
  type CaseChange,
  type CaseViewer,
  findCasesByIds,
  insertCase,
  type LockedCaseRow,
  lockCase,
  superviseOverdueRows,
  updateCase,
} from '../store/cases.repo.ts';
import { type Queryable, withTransaction } from '../store/db.ts';
import { findUnitsByCodes } from '../store/units.repo.ts';
import { findCalendarDays } from '../store/work-calendar.repo.ts';
import { storeAttachment } from './attachment-store.ts';
import { applyTransition, type DeadlineRules, stageDue, timeBasis } from './case-effects.ts';
import { type ActorRole, type CaseFacts, decide, type Actor as MachineActor } from './case-machine.ts';
import { fitsAssetKind } from './category-fit.ts';
import { checkMediaUrl } from './media-url.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** A new report within this distance of an open case of its category is offered as a duplicate. */
export const DUPLICATE_RADIUS_M = 50;
const MAX_TEXT = 2000;
const MAX_ATTACHMENTS = 9;

/** Who acts on a case: the audit identity, the role for the machine, the unit and the area scope. */
export interface CaseActor {
  audit: AuditActor;
  role: ActorRole | 'public';
  unitCode: string | null;
  scope: AccessScope;
}

export function caseViewer(actor: {
  role: Role | 'public' | 'system';
  unitCode: string | null;
  scope: AccessScope;
}): CaseViewer {
  // A unit handler sees the cases of their unit only; everyone else sees their area.
  return { scope: actor.scope, unitCode: actor.role === 'unit_handler' ? (actor.unitCode ?? '-') : null };
}

export interface CreateCaseInput {
  source: CaseSource;
  categoryCode: string | null;
  urgency: Urgency | null;
  description: string;
  address: string | null;
  location: { lon: number; lat: number } | null;
  assetCode: string | null;
  alertId: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  /** Ids from POST /attachments: each one the actor uploaded or can already see (checkAttachments). */
  attachments: readonly string[];
  /**
   * Files that came with this very request (a public report's photo): stored in the case's transaction, so a
   * report refused for any reason leaves no attachment behind.
   */
  receivedFiles?: readonly Uint8Array[];
  /** A link to media the reporter sent (Open311 media_url), kept on the report event; checked by checkMediaUrl. */
  mediaUrl?: string | null;
}

export interface TransitionInput {
  comment: string | null;
  unitCode: string | null;
  /** Ids from POST /attachments: each one the actor uploaded or can already see (checkAttachments). */
  attachments: readonly string[];
  extensionMinutes: number | null;
  mergeInto: number | null;
}

/** What the case service works with: the database, the case rules, and where its events are announced. */
export interface CaseDeps {
  pool: pg.Pool;
  config: CaseConfig;
  events: EventPublisher;
}

export interface CaseResult {
  caseId: number;
  trackingNo: string;
  version: number;
  eventIds: number[];
}

/** The calendar and categories the deadlines need (read per transaction: both tables are small). */
async function deadlineRules(
  db: Queryable,
  config: CaseConfig,
  category: CategoryRow | LockedCaseRow,
  urgency: Urgency,
) {
  const days = await findCalendarDays(db);
  const calendar: WorkCalendar = {
    periods: config.workHours,
    weekendDays: new Set(config.weekendDays),
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.day)),
  };
  const minutes = category.deadlines[urgency] as DeadlineRules['minutes'];
  return { basis: timeBasis(category.natural_time, urgency), minutes, calendar } satisfies DeadlineRules;
}

function cleanText(value: string | null, field: string, max = MAX_TEXT): string | null {
  if (value === null) return null;
  const text = value.replaceAll('\u0000', '').trim();
  if (text.length > max) throw new DomainError('LIMIT_EXCEEDED', `${field}: at most ${max} characters`);
  return text.length === 0 ? null : text;
}

function checkPhone(phone: string | null): string | null {
  const p = cleanText(phone, 'reporterPhone', 20);
  if (p !== null && !/^[0-9+\-() ]{5,20}$/.test(p)) {
    throw new DomainError('INVALID_INPUT', 'reporterPhone: digits, spaces and + - ( ) only');
  }
  return p;
}

/**
 * The attachment ids a step names, checked: well-formed, at most MAX_ATTACHMENTS, and each one the actor may
 * cite, by the rule GET /attachments/<id> serves by: a file they uploaded, or one they can already see (on a
 * case in their area and unit). Knowing a file's hash is not enough, since citing it shows the file to
 * everyone who sees this case. A file the actor may not see is answered as one that does not exist.
 * `received`: files that came with this very request (a public report's photo), the caller's own. The
 * server's own actors (system, cli: seeding and scripts) send no ids from outside and are not checked.
 */
async function checkAttachments(
  db: Queryable,
  who: CaseActor,
  hashes: readonly string[],
  received: readonly string[] = [],
): Promise<string[]> {
  const unique = [...new Set([...received, ...hashes])];
  if (unique.length > MAX_ATTACHMENTS) {
    throw new DomainError('LIMIT_EXCEEDED', `at most ${MAX_ATTACHMENTS} attachments per step`);
  }
  const bad = unique.find((h) => !/^[0-9a-f]{64}$/.test(h));
  if (bad !== undefined)
    throw new DomainError('INVALID_INPUT', `"${bad.slice(0, 70)}" is not an attachment id`);
  if (unique.length === 0) return [];
  const citable =
    who.audit.kind === 'system' || who.audit.kind === 'cli'
      ? await findKnownAttachments(db, unique)
      : new Set(
          // A public caller (no scope) would otherwise "see" every case's files: they cite what they sent.
          who.role === 'public'
            ? []
            : (await findVisibleAttachments(db, caseViewer(who), who.audit, unique)).map((r) => r.hash),
        );
  const ownReceived = new Set(received);
  const missing = unique.find((h) => !ownReceived.has(h) && !citable.has(h));
  if (missing) {
    throw new DomainError(
      'NOT_FOUND',
      `no attachment ${missing} that you uploaded or can see; upload it to /attachments first`,
    );
  }
  return unique;
}

function checkLocation(location: { lon: number; lat: number }): void {
  const { lon, lat } = location;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new DomainError('INVALID_INPUT', 'location: longitude -180..180 and latitude -90..90');
  }
}

/** A number readers can say on the phone: the CST date and eight random digits. */
function trackingNumber(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

const INTAKE_ROLES: Record<CaseSource, readonly (ActorRole | 'public')[]> = {
  alert: ['duty_officer', 'admin'],
  citizen: ['public', 'duty_officer', 'admin'],
  open311: ['public', 'api_client', 'duty_officer', 'admin'],
  patrol: ['duty_officer', 'admin'],
  hotline: ['duty_officer', 'admin'],
};

/** The steps an officer's own intake takes at once: an alert case is registered, a hotline call accepted. */
const INTAKE_STEPS: Record<CaseSource, readonly CaseAction[]> = {
  alert: ['accept', 'register'],
  patrol: ['accept'],
  hotline: ['accept'],
  citizen: [],
  open311: [],
};

interface Placed {
  lon: number;
  lat: number;
  assetId: number | null;
  alertId: number | null;
  category: CategoryRow;
  evidence: Record<string, unknown>;
}

async function place(
  db: Queryable,
  who: CaseActor,
  input: CreateCaseInput,
  categories: CategoryRow[],
): Promise<Placed> {
  const byCode = (code: string) => {
    const found = categories.find((c) => c.code === code);
    if (!found) throw new DomainError('INVALID_INPUT', `unknown category "${code.slice(0, 20)}"`);
    return found;
  };
  if (input.source === 'alert') {
    if (input.alertId === null)
      throw new DomainError('INVALID_INPUT', 'a case from an alert names the alert');
    const alert = await findAlertSource(db, who.scope, input.alertId);
    if (!alert) throw new DomainError('NOT_FOUND', `no alert ${input.alertId} in your area`);
    if (alert.open_case) {
      throw new DomainError(
        'CONFLICT',
        `alert ${input.alertId} already has the open case ${alert.open_case}`,
      );
    }
    const category = input.categoryCode
      ? byCode(input.categoryCode)
      : (categories.find((c) => c.device_types.includes(alert.device_type)) ?? byCode('SJ0699'));
    return {
      lon: alert.lon,
      lat: alert.lat,
      assetId: alert.asset_id,
      alertId: alert.id,
      category,
      evidence: {
        alert: alert.id,
        rule: alert.rule_code,
        ruleName: alert.rule_name,
        severity: alert.severity,
        device: alert.device_code,
        asset: alert.asset_code,
        triggerValue: alert.trigger_value,
        triggerAt: alert.trigger_ts?.toISOString() ?? null,
      },
    };
  }
  if (!input.categoryCode) throw new DomainError('INVALID_INPUT', 'choose a category');
  const category = byCode(input.categoryCode);
  if (who.role === 'public' && !category.citizen) {
    throw new DomainError('INVALID_INPUT', `category ${category.code} is not open to public reports`);
  }
  if (input.assetCode !== null) {
    const asset = await findAssetLocation(db, who.scope, { code: input.assetCode.toUpperCase(), id: null });
    if (!asset) throw new DomainError('NOT_FOUND', `no asset has the code ${input.assetCode.slice(0, 40)}`);
    // A citizen reports from the asset's plate: the category must be about that kind of asset. An Open311
    // report names the asset only to place itself (address_id, address_string): any category goes there.
    if (who.role === 'public' && input.source === 'citizen' && !fitsAssetKind(category, asset.kind)) {
      throw new DomainError(
        'INVALID_INPUT',
        `category ${category.code} is not about a ${asset.kind}; GET /public/categories?assetKind=${asset.kind} lists those that are`,
      );
    }
    return {
      lon: asset.lon,
      lat: asset.lat,
      assetId: asset.id,
      alertId: null,
      category,
      evidence: { asset: asset.code },
    };
  }
  if (input.location === null) throw new DomainError('INVALID_INPUT', 'give a location or an asset code');
  checkLocation(input.location);
  return { ...input.location, assetId: null, alertId: null, category, evidence: {} };
}

/** Files a case from any source; officers' own intake is accepted (and, from an alert, registered) at once. */
export async function createCase(
  deps: CaseDeps,
  who: CaseActor,
  input: CreateCaseInput,
  now: Date = new Date(),
): Promise<CaseResult> {
  if (!INTAKE_ROLES[input.source].includes(who.role)) {
    throw new DomainError('FORBIDDEN', `${who.role} cannot file a ${input.source} case`);
  }
  const description = cleanText(input.description, 'description');
  if (description === null) throw new DomainError('INVALID_INPUT', 'describe the problem');
  const address = cleanText(input.address, 'address', 200);
  const reporterName = cleanText(input.reporterName, 'reporterName', 64);
  const reporterPhone = checkPhone(input.reporterPhone);
  const mediaUrl = checkMediaUrl(input.mediaUrl);
  const urgency = input.urgency ?? 'normal';
  const { config } = deps;

  const result = await withTransaction(deps.pool, async (tx) => {
    const categories = await findCategories(tx);
    const placed = await place(tx, who, input, categories);
    const received: string[] = [];
    for (const bytes of input.receivedFiles ?? []) {
      received.push((await storeAttachment(tx, config, bytes, who.audit)).hash);
    }
    const attachments = await checkAttachments(tx, who, input.attachments, received);
    const area = await locatePoint(tx, placed.lon, placed.lat);
    if (!area.district_code) {
      throw new DomainError(
        'OUT_OF_SERVICE_AREA',
        `(${placed.lon}, ${placed.lat}) is outside the city; coordinates are longitude, latitude`,
      );
    }
    if (who.scope && who.scope.code !== area.district_code && who.scope.code !== area.street_code) {
      throw new DomainError('FORBIDDEN', 'the location is outside your area');
    }
    const rules = await deadlineRules(tx, config, placed.category, urgency);
    const trackingNo = trackingNumber(now);
    const caseId = await insertCase(tx, {
      trackingNo,
      state: 'reported',
      source: input.source,
      categoryCode: placed.category.code,
      urgency,
      description,
      address,
      lon: placed.lon,
      lat: placed.lat,
      area,
      assetId: placed.assetId,
      alertId: placed.alertId,
      reporterName,
      reporterPhone,
      createdBy: who.audit.name,
      at: now,
      stageDueAt: stageDue('reported', now, rules),
    });
    const eventIds = [
      await insertCaseEvent(tx, {
        caseId,
        at: now,
        action: 'report',
        from: null,
        to: 'reported',
        actor: who.audit.name,
        actorRole: who.role,
        comment: description,
        attachments,
        data: {
          source: input.source,
          category: placed.category.code,
          urgency,
          ...placed.evidence,
          ...(mediaUrl !== null && { mediaUrl }),
        },
      }),
    ];
    let version = 1;
    for (const step of INTAKE_STEPS[input.source]) {
      const row = await lockCase(tx, caseViewer(who), caseId);
      const done = await applyStep(tx, config, who, row!, step, version, NO_TRANSITION_INPUT, now);
      version = done.version;
      eventIds.push(done.eventId);
    }
    await insertAudit(tx, who.audit, {
      action: 'createCase',
      outcome: 'ok',
      target: { type: 'case', id: caseId },
      detail: { trackingNo, source: input.source, category: placed.category.code },
    });
    return { caseId, trackingNo, version, eventIds };
  });
  deps.events.caseEvents(result.eventIds);
  return result;
}

const NO_TRANSITION_INPUT: TransitionInput = {
  comment: null,
  unitCode: null,
  attachments: [],
  extensionMinutes: null,
  mergeInto: null,
};

function factsOf(row: LockedCaseRow): CaseFacts {
  return {
    state: row.state as CaseState,
    suspendedFrom: row.suspended_from as CaseState | null,
    unitCode: row.unit_code,
    handledBy: row.handled_by,
    extensionPending: row.extension_pending !== null,
    requiresEvidence: row.requires_evidence,
  };
}

export function machineActor(who: {
  role: ActorRole | 'public';
  audit: { name: string };
  unitCode: string | null;
}): MachineActor | null {
  return who.role === 'public' ? null : { role: who.role, name: who.audit.name, unitCode: who.unitCode };
}

async function checkTargets(
  tx: Queryable,
  who: CaseActor,
  row: LockedCaseRow,
  action: CaseAction,
  input: TransitionInput,
) {
  if (action === 'dispatch' && input.unitCode) {
    const [unit] = await findUnitsByCodes(tx, [input.unitCode.slice(0, 64)]);
    if (!unit) throw new DomainError('NOT_FOUND', `no responsible unit ${input.unitCode.slice(0, 64)}`);
  }
  if (action === 'merge' && input.mergeInto !== null) {
    const [target] = await findCasesByIds(tx, caseViewer(who), [input.mergeInto]);
    if (!target || target.id === row.id)
      throw new DomainError('NOT_FOUND', `no other case ${input.mergeInto} in your area`);
    if (
      target.state === 'closed' ||
      target.state === 'rejected' ||
      target.category_code !== row.category_code
    ) {
      throw new DomainError(
        'INVALID_INPUT',
        `case ${target.tracking_no} is not an open case of category ${row.category_code}`,
      );
    }
  }
}

async function applyStep(
  tx: pg.PoolClient,
  config: CaseConfig,
  who: CaseActor,
  row: LockedCaseRow,
  action: CaseAction,
  version: number,
  input: TransitionInput,
  now: Date,
): Promise<{ version: number; eventId: number; from: string; to: string }> {
  const actor = machineActor(who);
  if (!actor) throw new DomainError('FORBIDDEN', 'sign in to work on cases');
  if (row.version !== version) {
    throw new DomainError(
      'CONFLICT',
      `case ${row.tracking_no} changed since you read it (version ${version}, now ${row.version}); reload it`,
    );
  }
  const comment = cleanText(input.comment, 'comment');
  const attachments = await checkAttachments(tx, who, input.attachments);
  const verdict = decide(factsOf(row), action, actor, {
    comment,
    unitCode: input.unitCode,
    attachments: attachments.length,
    extensionMinutes: input.extensionMinutes,
    mergeInto: input.mergeInto,
  });
  if (!verdict.ok) throw new DomainError(verdict.code, `case ${row.tracking_no}: ${verdict.message}`);
  await checkTargets(tx, who, row, action, input);
  const rules = await deadlineRules(tx, config, row, row.urgency);
  const { change, data } = applyTransition(row as CaseChange, {
    action,
    to: verdict.to,
    stageChanges: verdict.stageChanges,
    now,
    actorName: actor.name,
    unitCode: input.unitCode,
    comment,
    extensionMinutes: input.extensionMinutes,
    mergeInto: input.mergeInto,
    rules,
  });
  const newVersion = await updateCase(tx, row.id, version, now, change);
  if (newVersion === null)
    throw new DomainError('CONFLICT', `case ${row.tracking_no} changed meanwhile; reload it`);
  const eventId = await insertCaseEvent(tx, {
    caseId: row.id,
    at: now,
    action,
    from: row.state,
    to: verdict.to,
    actor: actor.name,
    actorRole: actor.role,
    comment,
    attachments,
    data,
  });
  return { version: newVersion, eventId, from: row.state, to: verdict.to };
}

/** Takes one workflow step; exactly one of two concurrent steps on a case wins, the other gets CONFLICT. */
export async function transitionCase(
  deps: CaseDeps,
  who: CaseActor,
  request: { id: number; action: CaseAction; version: number; input: TransitionInput },
  now: Date = new Date(),
): Promise<CaseResult> {
  const result = await withTransaction(deps.pool, async (tx) => {
    const row = await lockCase(tx, caseViewer(who), request.id);
    if (!row) throw new DomainError('NOT_FOUND', `no case ${request.id} for you`);
    const { action, version, input } = request;
    const done = await applyStep(tx, deps.config, who, row, action, version, input, now);
    await insertAudit(tx, who.audit, {
      action: 'transitionCase',
      outcome: 'ok',
      target: { type: 'case', id: row.id },
      before: { state: row.state, version: row.version },
      after: { state: done.to, version: done.version },
      detail: { action: request.action, trackingNo: row.tracking_no },
    });
    return { caseId: row.id, trackingNo: row.tracking_no, version: done.version, eventIds: [done.eventId] };
  });
  deps.events.caseEvents(result.eventIds);
  return result;
}

/** 督办: each case past its stage deadline is urged once per stage, one escalation level up. */
export async function superviseOverdueCases(
  deps: Pick<CaseDeps, 'pool' | 'events'>,
  now: Date = new Date(),
): Promise<number[]> {
  const eventIds = await withTransaction(deps.pool, async (tx) => {
    const rows = await superviseOverdueRows(tx, now);
    const ids: number[] = [];
    for (const r of rows) {
      const overdueMin = Math.round((now.getTime() - r.stage_due_at.getTime()) / 60_000);
      ids.push(
        await insertCaseEvent(tx, {
          caseId: r.id,
          at: now,
          action: 'supervise',
          from: r.state,
          to: r.state,
          actor: 'system',
          actorRole: 'system',
          comment: `超期督办：本环节已超时 ${overdueMin} 分钟 (overdue by ${overdueMin} min)`,
          attachments: [],
          data: { level: r.escalation_level, stageDueAt: r.stage_due_at.toISOString(), automatic: true },
        }),
      );
    }
    return ids;
  });
  deps.events.caseEvents(eventIds);
  return eventIds;
}

/** Open cases of the category near a point that a new report may repeat. */
export function duplicateCandidates(
  db: Queryable,
  scope: AccessScope,
  c: { lon: number; lat: number; category: string; except: number | null },
) {
  return findDuplicateCandidates(db, scope, { ...c, radiusM: DUPLICATE_RADIUS_M });
}
