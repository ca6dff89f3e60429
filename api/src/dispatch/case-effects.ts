// What an allowed transition changes on a case: the state, the unit, stage and case deadlines (in working or
// natural time), suspension, extension, rework and escalation counters. Pure: the service locks the row,
// asks the machine, applies this, and writes the result.

import type { CaseAction, CaseState } from '../domain/codes.ts';
import type { CaseChange } from '../store/cases.repo.ts';
import { type Stage, stageOf } from './case-machine.ts';
import { addTime, type TimeBasis, timeBetween, type WorkCalendar } from './work-calendar.ts';

export type StageMinutes = Readonly<Record<Stage, number>>;

export interface DeadlineRules {
  basis: TimeBasis;
  minutes: StageMinutes;
  calendar: WorkCalendar;
}

/** Natural time for urgent categories and urgent cases; working time otherwise. */
export function timeBasis(naturalTimeCategory: boolean, urgency: 'normal' | 'urgent'): TimeBasis {
  return naturalTimeCategory || urgency === 'urgent' ? 'natural' : 'working';
}

/** From registration to closing: dispatch, handle, verify and close. */
const AFTER_REGISTRATION: readonly Stage[] = ['dispatch', 'handle', 'verify', 'close'];

export function stageDue(state: CaseState, from: Date, rules: DeadlineRules): Date | null {
  const stage = stageOf(state);
  return stage ? addTime(from, rules.minutes[stage], rules.basis, rules.calendar) : null;
}

/** Adds possibly negative minutes (time already overdue when a case was suspended). */
function shift(from: Date, minutes: number, rules: DeadlineRules): Date {
  return minutes >= 0
    ? addTime(from, minutes, rules.basis, rules.calendar)
    : new Date(from.getTime() + minutes * 60_000);
}

export interface TransitionContext {
  action: CaseAction;
  to: CaseState;
  stageChanges: boolean;
  now: Date;
  actorName: string;
  unitCode: string | null;
  comment: string | null;
  extensionMinutes: number | null;
  mergeInto: number | null;
  rules: DeadlineRules;
}

export interface Effect {
  change: CaseChange;
  /** What the event records beyond from/to (the unit, the minutes, the new deadline…). */
  data: Record<string, unknown>;
}

export function applyTransition(current: CaseChange, t: TransitionContext): Effect {
  const c: CaseChange = { ...current, state: t.to };
  const data: Record<string, unknown> = {};
  if (t.stageChanges) {
    c.stage_started_at = t.now;
    c.stage_due_at = stageDue(t.to, t.now, t.rules);
    c.stage_escalated = false;
  }
  switch (t.action) {
    case 'register': {
      const total = AFTER_REGISTRATION.reduce((sum, s) => sum + t.rules.minutes[s], 0);
      c.due_at = addTime(t.now, total, t.rules.basis, t.rules.calendar);
      break;
    }
    case 'dispatch':
      c.unit_code = t.unitCode;
      data.unitCode = t.unitCode;
      break;
    case 'report_handled':
      c.handled_by = t.actorName;
      break;
    case 'verify_fail':
      c.rework_count = current.rework_count + 1;
      data.rework = c.rework_count;
      break;
    case 'close':
    case 'reject':
      c.closed_at = t.action === 'close' ? t.now : null;
      c.stage_due_at = null;
      break;
    case 'merge':
      c.merged_into = t.mergeInto;
      c.stage_due_at = null;
      data.mergeInto = t.mergeInto;
      break;
    case 'request_extension':
      c.extension_pending = { minutes: t.extensionMinutes ?? 0, by: t.actorName, comment: t.comment ?? '' };
      data.minutes = t.extensionMinutes;
      break;
    case 'approve_extension': {
      const minutes = current.extension_pending?.minutes ?? 0;
      if (current.stage_due_at) c.stage_due_at = shift(current.stage_due_at, minutes, t.rules);
      if (current.due_at) c.due_at = shift(current.due_at, minutes, t.rules);
      if (c.stage_due_at && c.stage_due_at > t.now) c.stage_escalated = false;
      c.extension_pending = null;
      data.minutes = minutes;
      break;
    }
    case 'deny_extension':
      c.extension_pending = null;
      break;
    case 'suspend':
      c.suspended_from = current.state as CaseState;
      c.suspended_stage_min = current.stage_due_at
        ? timeBetween(t.now, current.stage_due_at, t.rules.basis, t.rules.calendar)
        : null;
      c.suspended_due_min = current.due_at
        ? timeBetween(t.now, current.due_at, t.rules.basis, t.rules.calendar)
        : null;
      c.stage_due_at = null;
      break;
    case 'resume':
      if (current.suspended_stage_min !== null)
        c.stage_due_at = shift(t.now, current.suspended_stage_min, t.rules);
      if (current.suspended_due_min !== null) c.due_at = shift(t.now, current.suspended_due_min, t.rules);
      c.suspended_from = null;
      c.suspended_stage_min = null;
      c.suspended_due_min = null;
      c.stage_escalated = c.stage_due_at !== null && c.stage_due_at <= t.now;
      break;
    case 'supervise':
      c.escalation_level = current.escalation_level + 1;
      c.escalated_at = t.now;
      data.level = c.escalation_level;
      break;
    default:
      break;
  }
  if (c.stage_due_at && c.stage_due_at.getTime() !== current.stage_due_at?.getTime()) {
    data.stageDueAt = c.stage_due_at.toISOString();
  }
  return { change: c, data };
}
