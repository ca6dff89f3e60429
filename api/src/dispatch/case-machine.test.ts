import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATES, type CaseAction, type CaseState } from '../domain/codes.ts';
import {
  type ActionInput,
  type Actor,
  allowedActions,
  type CaseFacts,
  decide,
  NO_INPUT,
  stageOf,
} from './case-machine.ts';

const officer: Actor = { role: 'duty_officer', name: 'duty', unitCode: null };
const admin: Actor = { role: 'admin', name: 'admin', unitCode: null };
const handler: Actor = { role: 'unit_handler', name: 'handler', unitCode: 'U-1' };
const otherUnit: Actor = { role: 'unit_handler', name: 'h2', unitCode: 'U-2' };
const leader: Actor = { role: 'leader', name: 'leader', unitCode: null };
const analyst: Actor = { role: 'analyst', name: 'analyst', unitCode: null };
const system: Actor = { role: 'system', name: 'system', unitCode: null };

const facts = (state: CaseState, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  state,
  suspendedFrom: state === 'suspended' ? 'dispatched' : null,
  unitCode: 'U-1',
  handledBy: 'handler',
  extensionPending: false,
  requiresEvidence: true,
  ...extra,
});

/** Input that satisfies every need, so only the state and the role decide. */
const full: ActionInput = {
  comment: 'done',
  unitCode: 'U-1',
  attachments: 1,
  extensionMinutes: 120,
  mergeInto: 7,
};

// Every legal (from, action) → to, and who takes it. Everything not listed is illegal.
const LEGAL: [CaseState, CaseAction, CaseState, Actor][] = [
  ['reported', 'accept', 'accepted', officer],
  ['reported', 'reject', 'rejected', officer],
  ['reported', 'merge', 'rejected', officer],
  ['accepted', 'merge', 'rejected', officer],
  ['accepted', 'register', 'registered', officer],
  ['registered', 'dispatch', 'dispatched', officer],
  ['dispatched', 'start', 'handling', handler],
  ['dispatched', 'report_handled', 'handled', handler],
  ['handling', 'report_handled', 'handled', handler],
  ['handled', 'verify_pass', 'verified', officer],
  ['handled', 'verify_fail', 'dispatched', officer],
  ['verified', 'close', 'closed', officer],
  ['dispatched', 'request_extension', 'dispatched', handler],
  ['handling', 'request_extension', 'handling', handler],
  ['dispatched', 'approve_extension', 'dispatched', officer],
  ['handling', 'approve_extension', 'handling', officer],
  ['dispatched', 'deny_extension', 'dispatched', officer],
  ['handling', 'deny_extension', 'handling', officer],
  ['registered', 'suspend', 'suspended', officer],
  ['dispatched', 'suspend', 'suspended', officer],
  ['handling', 'suspend', 'suspended', officer],
  ['suspended', 'resume', 'dispatched', officer],
  ...(['reported', 'accepted', 'registered', 'dispatched', 'handling', 'handled', 'verified'] as const).map(
    (s): [CaseState, CaseAction, CaseState, Actor] => [s, 'supervise', s, system],
  ),
];

const legalKey = new Set(LEGAL.map(([from, action]) => `${from}/${action}`));
const needsPending = (a: CaseAction) => a === 'approve_extension' || a === 'deny_extension';

describe('every legal transition', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to, actor) => {
    const f = facts(from, { extensionPending: needsPending(action), handledBy: 'someone-else' });
    expect(decide(f, action, actor, full)).toMatchObject({ ok: true, to });
  });
});

describe('every illegal transition', () => {
  const illegal = CASE_STATES.flatMap((s) =>
    CASE_ACTIONS.filter((a) => !legalKey.has(`${s}/${a}`)).map((a): [CaseState, CaseAction] => [s, a]),
  );
  it('covers the rest of the state × action table', () => {
    expect(illegal.length + LEGAL.length).toBe(CASE_STATES.length * CASE_ACTIONS.length);
  });
  it.each(illegal)('%s --%s--> refused', (from, action) => {
    for (const actor of [officer, admin, handler, system]) {
      const f = facts(from, { extensionPending: true, handledBy: 'someone-else' });
      expect(decide(f, action, actor, full)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
    }
  });
});

describe('roles', () => {
  const cases: [string, CaseState, CaseAction, Actor, boolean][] = [
    ['admin dispatches', 'registered', 'dispatch', admin, true],
    ['a handler cannot dispatch', 'registered', 'dispatch', handler, false],
    ['a leader only looks', 'reported', 'accept', leader, false],
    ['an analyst only looks', 'verified', 'close', analyst, false],
    ["another unit's handler cannot start", 'dispatched', 'start', otherUnit, false],
    ['an officer cannot report handled', 'handling', 'report_handled', officer, false],
    ['the scheduler cannot close', 'verified', 'close', system, false],
    ['an officer may urge (督办) by hand', 'handling', 'supervise', officer, true],
    ['a handler cannot urge', 'handling', 'supervise', handler, false],
    ['a handler cannot approve their own extension', 'handling', 'approve_extension', handler, false],
  ];
  it.each(cases)('%s', (_label, state, action, actor, ok) => {
    const result = decide(facts(state, { extensionPending: true, handledBy: 'x' }), action, actor, full);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.code).toBe('FORBIDDEN');
  });
});

describe('what each action needs', () => {
  const cases: [
    string,
    CaseState,
    CaseAction,
    Actor,
    Partial<CaseFacts>,
    Partial<ActionInput>,
    string | null,
  ][] = [
    ['reject needs a reason', 'reported', 'reject', officer, {}, { comment: '  ' }, 'comment'],
    ['dispatch needs a unit', 'registered', 'dispatch', officer, {}, { unitCode: null }, 'unit'],
    ['handled needs a description', 'handling', 'report_handled', handler, {}, { comment: null }, 'comment'],
    ['handled needs a photo', 'handling', 'report_handled', handler, {}, { attachments: 0 }, 'photo'],
    [
      'no photo needed where the category does not ask',
      'handling',
      'report_handled',
      handler,
      { requiresEvidence: false },
      { attachments: 0 },
      null,
    ],
    [
      'the handler cannot verify',
      'handled',
      'verify_pass',
      officer,
      { handledBy: 'duty' },
      {},
      'someone other',
    ],
    ['nor fail it', 'handled', 'verify_fail', officer, { handledBy: 'duty' }, {}, 'someone other'],
    [
      'rework needs a reason',
      'handled',
      'verify_fail',
      officer,
      { handledBy: 'h' },
      { comment: null },
      'comment',
    ],
    [
      'extension needs minutes',
      'handling',
      'request_extension',
      handler,
      {},
      { extensionMinutes: 0 },
      'minutes',
    ],
    [
      'extension is capped',
      'handling',
      'request_extension',
      handler,
      {},
      { extensionMinutes: 10_000_000 },
      'minutes',
    ],
    [
      'fractional minutes refused',
      'handling',
      'request_extension',
      handler,
      {},
      { extensionMinutes: 1.5 },
      'minutes',
    ],
    [
      'one request at a time',
      'handling',
      'request_extension',
      handler,
      { extensionPending: true },
      {},
      'already waiting',
    ],
    [
      'nothing to approve',
      'handling',
      'approve_extension',
      officer,
      { extensionPending: false },
      {},
      'no extension',
    ],
    [
      'deny needs a reason',
      'handling',
      'deny_extension',
      officer,
      { extensionPending: true },
      { comment: '' },
      'comment',
    ],
    ['merge needs a target', 'reported', 'merge', officer, {}, { mergeInto: null }, 'merge into'],
    ['suspension needs a reason', 'handling', 'suspend', officer, {}, { comment: null }, 'comment'],
  ];
  it.each(cases)('%s', (_label, state, action, actor, f, input, problem) => {
    const result = decide(facts(state, f), action, actor, { ...full, ...input });
    if (problem === null) expect(result.ok).toBe(true);
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(problem);
    }
  });
});

describe('resume and stages', () => {
  it('resume returns to the state before suspension', () => {
    expect(
      decide(facts('suspended', { suspendedFrom: 'handling' }), 'resume', officer, NO_INPUT),
    ).toMatchObject({
      ok: true,
      to: 'handling',
    });
  });
  it.each([
    ['dispatched', 'start', false],
    ['handled', 'verify_fail', true],
    ['registered', 'dispatch', true],
    ['handling', 'approve_extension', false],
  ] as [CaseState, CaseAction, boolean][])('%s --%s--> new stage deadline: %s', (from, action, changes) => {
    const actor = action === 'start' ? handler : officer;
    const result = decide(facts(from, { extensionPending: true, handledBy: 'h' }), action, actor, full);
    expect(result).toMatchObject({ ok: true, stageChanges: changes });
  });
  it('terminal and suspended states have no stage', () => {
    expect([stageOf('closed'), stageOf('rejected'), stageOf('suspended')]).toEqual([null, null, null]);
  });
});

describe('allowedActions', () => {
  it.each([
    ['reported', officer, {}, ['accept', 'reject', 'merge', 'supervise']],
    ['handling', handler, {}, ['report_handled', 'request_extension']],
    ['handling', handler, { extensionPending: true }, ['report_handled']],
    [
      'handling',
      officer,
      { extensionPending: true },
      ['approve_extension', 'deny_extension', 'suspend', 'supervise'],
    ],
    ['handled', officer, { handledBy: 'duty' }, ['supervise']],
    ['handled', officer, { handledBy: 'handler' }, ['verify_pass', 'verify_fail', 'supervise']],
    ['dispatched', otherUnit, {}, []],
    ['closed', admin, {}, []],
    ['verified', leader, {}, []],
  ] as [CaseState, Actor, Partial<CaseFacts>, CaseAction[]][])('%s for %o', (state, actor, f, expected) => {
    expect(allowedActions(facts(state, f), actor)).toEqual(expected);
  });
});
