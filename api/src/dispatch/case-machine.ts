// The case workflow (数字城管, GB/T 30428) as a pure table: which action moves a case from which state to
// which, who may take it, and what it needs. The service asks `decide` before writing anything; the console
// asks `allowedActions` to show only the buttons the viewer can use.
import type { Role } from '../access/roles.ts';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  TERMINAL_STATES,
} from '../domain/codes.ts';

/** People by role, plus the scheduler ('system'). */
export type ActorRole = Role | 'system';

/** The stages that carry a deadline; a state belongs to the stage its work is in. */
export type Stage = 'accept' | 'register' | 'dispatch' | 'handle' | 'verify' | 'close';

const STAGE_OF: Partial<Record<CaseState, Stage>> = {
  reported: 'accept',
  accepted: 'register',
  registered: 'dispatch',
  dispatched: 'handle',
  handling: 'handle',
  handled: 'verify',
  verified: 'close',
};

/** The stage whose deadline runs in a state (none when finished or suspended). */
export function stageOf(state: CaseState): Stage | null {
  return STAGE_OF[state] ?? null;
}

/** What the machine needs to know about a case. */
export interface CaseFacts {
  state: CaseState;
  /** The state a suspended case returns to. */
  suspendedFrom: CaseState | null;
  unitCode: string | null;
  /** Who last reported the case handled: verification must be someone else. */
  handledBy: string | null;
  extensionPending: boolean;
  requiresEvidence: boolean;
}

export interface Actor {
  role: ActorRole;
  name: string;
  /** The unit a unit handler works for. */
  unitCode: string | null;
}

/** What the actor supplies with the action. */
export interface ActionInput {
  comment: string | null;
  unitCode: string | null;
  attachments: number;
  extensionMinutes: number | null;
  mergeInto: number | null;
}

export const NO_INPUT: ActionInput = {
  comment: null,
  unitCode: null,
  attachments: 0,
  extensionMinutes: null,
  mergeInto: null,
};

type Need =
  | 'comment'
  | 'unit'
  | 'evidence'
  | 'other_than_handler'
  | 'extension_minutes'
  | 'pending_extension'
  | 'merge_target';
type Who = 'dispatcher' | 'unit_handler' | 'system';

interface Transition {
  from: readonly CaseState[];
  /** 'same': the state does not change; 'previous': back to the state before suspension. */
  to: CaseState | 'same' | 'previous';
  who: readonly Who[];
  needs: readonly Need[];
}

const WORKING: readonly CaseState[] = ['registered', 'dispatched', 'handling'];
const OPEN: readonly CaseState[] = CASE_STATES.filter((s) => !TERMINAL_STATES.includes(s));

export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  accept: { from: ['reported'], to: 'accepted', who: ['dispatcher'], needs: [] },
  reject: { from: ['reported'], to: 'rejected', who: ['dispatcher'], needs: ['comment'] },
  merge: { from: ['reported', 'accepted'], to: 'rejected', who: ['dispatcher'], needs: ['merge_target'] },
  register: { from: ['accepted'], to: 'registered', who: ['dispatcher'], needs: [] },
  dispatch: { from: ['registered'], to: 'dispatched', who: ['dispatcher'], needs: ['unit'] },
  start: { from: ['dispatched'], to: 'handling', who: ['unit_handler'], needs: [] },
  report_handled: {
    from: ['dispatched', 'handling'],
    to: 'handled',
    who: ['unit_handler'],
    needs: ['comment', 'evidence'],
  },
  verify_pass: { from: ['handled'], to: 'verified', who: ['dispatcher'], needs: ['other_than_handler'] },
  verify_fail: {
    from: ['handled'],
    to: 'dispatched',
    who: ['dispatcher'],
    needs: ['comment', 'other_than_handler'],
  },
  close: { from: ['verified'], to: 'closed', who: ['dispatcher'], needs: [] },
  request_extension: {
    from: ['dispatched', 'handling'],
    to: 'same',
    who: ['unit_handler'],
    needs: ['comment', 'extension_minutes'],
  },
  approve_extension: {
    from: ['dispatched', 'handling'],
    to: 'same',
    who: ['dispatcher'],
    needs: ['pending_extension'],
  },
  deny_extension: {
    from: ['dispatched', 'handling'],
    to: 'same',
    who: ['dispatcher'],
    needs: ['pending_extension', 'comment'],
  },
  suspend: { from: WORKING, to: 'suspended', who: ['dispatcher'], needs: ['comment'] },
  resume: { from: ['suspended'], to: 'previous', who: ['dispatcher'], needs: [] },
  supervise: {
    from: OPEN.filter((s) => s !== 'suspended'),
    to: 'same',
    who: ['system', 'dispatcher'],
    needs: ['comment'],
  },
};

/** The longest extension one request may ask for: 30 working days of 7.5 h. */
export const MAX_EXTENSION_MINUTES = 30 * 450;

export type Refusal = {
  ok: false;
  code: 'FORBIDDEN' | 'ILLEGAL_TRANSITION' | 'INVALID_INPUT';
  message: string;
};
export type Verdict = { ok: true; to: CaseState; stageChanges: boolean } | Refusal;

function roleFits(who: readonly Who[], actor: Actor, facts: CaseFacts): boolean {
  return who.some((w) => {
    switch (w) {
      case 'dispatcher':
        return actor.role === 'duty_officer' || actor.role === 'admin';
      case 'unit_handler':
        return actor.role === 'unit_handler' && actor.unitCode !== null && actor.unitCode === facts.unitCode;
      case 'system':
        return actor.role === 'system';
    }
  });
}

const WHO_LABEL: Record<Who, string> = {
  dispatcher: 'a duty officer',
  unit_handler: "a handler of the case's unit",
  system: 'the scheduler',
};

function refuse(code: Refusal['code'], message: string): Refusal {
  return { ok: false, code, message };
}

function checkNeed(need: Need, facts: CaseFacts, actor: Actor, input: ActionInput): string | null {
  const hasComment = input.comment !== null && input.comment.trim().length > 0;
  switch (need) {
    case 'comment':
      return hasComment ? null : 'a comment is required';
    case 'unit':
      return input.unitCode ? null : 'name the unit to dispatch to';
    case 'evidence':
      return !facts.requiresEvidence || input.attachments > 0
        ? null
        : 'this category needs at least one photo of the result';
    case 'other_than_handler':
      return facts.handledBy !== null && facts.handledBy === actor.name
        ? 'verification must be done by someone other than the handler'
        : null;
    case 'extension_minutes': {
      const m = input.extensionMinutes;
      if (facts.extensionPending) return 'an extension request is already waiting for approval';
      return m !== null && Number.isInteger(m) && m > 0 && m <= MAX_EXTENSION_MINUTES
        ? null
        : `ask for 1 to ${MAX_EXTENSION_MINUTES} minutes of extension`;
    }
    case 'pending_extension':
      return facts.extensionPending ? null : 'no extension request is waiting';
    case 'merge_target':
      return input.mergeInto !== null ? null : 'name the case to merge into';
  }
}

/** Whether `actor` may take `action` on a case in `facts` with `input`, and where it leads. */
export function decide(facts: CaseFacts, action: CaseAction, actor: Actor, input: ActionInput): Verdict {
  const t = TRANSITIONS[action];
  if (!t.from.includes(facts.state)) {
    return refuse('ILLEGAL_TRANSITION', `cannot ${action} a case that is ${facts.state}`);
  }
  if (!roleFits(t.who, actor, facts)) {
    return refuse('FORBIDDEN', `${action} is for ${t.who.map((w) => WHO_LABEL[w]).join(' or ')}`);
  }
  for (const need of t.needs) {
    const problem = checkNeed(need, facts, actor, input);
    if (problem) {
      return refuse(need === 'other_than_handler' ? 'FORBIDDEN' : 'INVALID_INPUT', `${action}: ${problem}`);
    }
  }
  const to =
    t.to === 'same' ? facts.state : t.to === 'previous' ? (facts.suspendedFrom ?? 'registered') : t.to;
  return { ok: true, to, stageChanges: stageOf(to) !== stageOf(facts.state) || action === 'verify_fail' };
}

/** The actions the actor could take now, leaving out what depends on input they have not given yet. */
export function allowedActions(facts: CaseFacts, actor: Actor): CaseAction[] {
  const inputFree: Need[] = ['comment', 'unit', 'evidence', 'extension_minutes', 'merge_target'];
  return CASE_ACTIONS.filter((action) => {
    const t = TRANSITIONS[action];
    if (!t.from.includes(facts.state) || !roleFits(t.who, actor, facts)) return false;
    if (action === 'request_extension' && facts.extensionPending) return false;
    return t.needs.every((n) => inputFree.includes(n) || checkNeed(n, facts, actor, NO_INPUT) === null);
  });
}
