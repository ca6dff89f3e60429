import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import {
  emptyState,
  foldReadings,
  inActiveHours,
  isSilent,
  levelFor,
  previousMonth,
  type RuleState,
  stepReadingRule,
  type Transition,
} from './evaluator.ts';
import { type Condition, parseRuleDefinition, type ReadingRuleDefinition } from './rule-definition.ts';

const H = 3_600_000;
const T0 = Date.parse('2026-11-20T02:00:00Z'); // 10:00 CST

const above = (metric: string, levels: [string, number][], extra: Partial<Condition> = {}): Condition =>
  ({
    type: 'threshold',
    signal: { metric, kind: 'value' },
    direction: 'above',
    levels: levels.map(([severity, value]) => ({ severity, value })),
    ...extra,
  }) as Condition;

const rule = (condition: Condition, extra: Partial<ReadingRuleDefinition> = {}): ReadingRuleDefinition =>
  parseRuleDefinition({ kind: 'reading', condition, ...extra }, null) as ReadingRuleDefinition;

/** Runs readings [metric, hoursAfterT0, value] and returns a compact trace of transitions. */
function trace(def: ReadingRuleDefinition, readings: [string, number, number][], state = emptyState()) {
  const out = foldReadings(
    def,
    state,
    readings.map(([metric, h, value]) => ({ metric, ts: T0 + h * H, value })),
  );
  const label = (t: Transition) =>
    t.type === 'fire'
      ? `fire ${t.severity}`
      : t.type === 'change'
        ? `${t.from}->${t.to}`
        : t.type === 'clear'
          ? `clear`
          : `hold ${t.severity}`;
  return { steps: out.transitions.map((t) => label(t.transition)), state: out.state, late: out.late };
}

const displacement = above('d', [
  ['yellow', 21],
  ['orange', 25.5],
  ['red', 30],
]);

describe('threshold with levels', () => {
  it.each([
    ['quiet', [10, 12, 15], []],
    ['fires at the level reached', [10, 22], ['fire yellow']],
    ['fires at the highest level met', [31], ['fire red']],
    ['moves up in place', [22, 26, 31], ['fire yellow', 'yellow->orange', 'orange->red']],
    ['moves down in place', [31, 26, 22], ['fire red', 'red->orange', 'orange->yellow']],
    ['re-trigger holds', [22, 23], ['fire yellow', 'hold yellow']],
    ['clears below the lowest level', [22, 20], ['fire yellow', 'clear']],
    ['fires again after clearing', [22, 20, 23], ['fire yellow', 'clear', 'fire yellow']],
    ['exactly at a level counts', [21], ['fire yellow']],
  ] as const)('%s', (_name, values, expected) => {
    const def = rule(displacement);
    expect(
      trace(
        def,
        values.map((v, i) => ['d', i, v] as [string, number, number]),
      ).steps,
    ).toEqual(expected);
  });

  it('below: fires under the level (lamp on-rate)', () => {
    const def = rule({
      type: 'threshold',
      signal: { metric: 'rate', kind: 'value' },
      direction: 'below',
      levels: [
        { severity: 'yellow', value: 98 },
        { severity: 'red', value: 80 },
      ],
    });
    expect(
      trace(def, [
        ['rate', 0, 100],
        ['rate', 1, 98],
        ['rate', 2, 97.9],
        ['rate', 3, 70],
        ['rate', 4, 99],
      ]).steps,
    ).toEqual(['fire yellow', 'yellow->red', 'clear']);
  });

  it('a separate clear threshold keeps the alert through the band (hysteresis)', () => {
    const def = rule(
      above(
        'w',
        [
          ['blue', 15],
          ['yellow', 27],
        ],
        { clear: 10 } as Partial<Condition>,
      ),
    );
    expect(
      trace(def, [
        ['w', 0, 16],
        ['w', 1, 28],
        ['w', 2, 12],
        ['w', 3, 14],
        ['w', 4, 9.9],
        ['w', 5, 12],
      ]).steps,
    ).toEqual(['fire blue', 'blue->yellow', 'yellow->blue', 'hold blue', 'clear']);
  });
});

describe('signals', () => {
  it('rate of change: mm/day across the last day, needs half a window of history', () => {
    const def = rule({
      type: 'threshold',
      signal: { metric: 'd', kind: 'rate', per_s: 86_400, over_s: 86_400 },
      direction: 'above',
      levels: [
        { severity: 'yellow', value: 1.4 },
        { severity: 'red', value: 2 },
      ],
    });
    // 0.1 mm/h = 2.4 mm/day, but only judged once 12 h of history exist.
    const readings = Array.from({ length: 14 }, (_, h) => ['d', h, 10 + 0.1 * h] as [string, number, number]);
    const out = trace(def, readings);
    expect(out.steps[0]).toBe('fire red');
    expect(out.steps).toHaveLength(2); // fire at 12 h, hold at 13 h
    // A flat day after that: the rate falls to zero and clears once the window has moved on.
    const flat = Array.from({ length: 30 }, (_, k) => ['d', 14 + k, 11.3] as [string, number, number]);
    expect(trace(def, flat, out.state).steps.at(-1)).toBe('clear');
  });

  it('keeps a thinned history whatever the reading rate', () => {
    const def = rule({
      type: 'threshold',
      signal: { metric: 'd', kind: 'rate', per_s: 86_400, over_s: 86_400 },
      direction: 'above',
      levels: [{ severity: 'yellow', value: 1000 }],
    });
    const perMinute = Array.from(
      { length: 3 * 1440 },
      (_, k) => ['d', k / 60, 1] as [string, number, number],
    );
    expect(trace(def, perMinute).state.history.d!.length).toBeLessThanOrEqual(101);
  });

  it.each([
    ['from a fixed baseline', 5, [24, 27], ['fire yellow']],
    ['from the first reading seen', undefined, [100, 120, 125], ['fire yellow']],
  ] as const)('cumulative change %s', (_name, baseline, values, expected) => {
    const def = rule({
      type: 'threshold',
      signal:
        baseline === undefined ? { metric: 'd', kind: 'change' } : { metric: 'd', kind: 'change', baseline },
      direction: 'above',
      levels: [{ severity: 'yellow', value: 21 }],
    });
    expect(
      trace(
        def,
        values.map((v, i) => ['d', i, v] as [string, number, number]),
      ).steps,
    ).toEqual(expected);
  });
});

describe('composite conditions', () => {
  const rateOrCumulative: Condition = {
    type: 'any',
    of: [
      above('d', [
        ['yellow', 21],
        ['red', 30],
      ]),
      above('r', [
        ['yellow', 1.4],
        ['red', 2],
      ]),
    ],
  };

  it.each([
    ['either part fires it', [['d', 0, 22]], ['fire yellow']],
    [
      'the worst part decides',
      [
        ['d', 0, 22],
        ['r', 0.5, 2.5],
      ],
      ['fire yellow', 'yellow->red'],
    ],
    [
      'it stays while one part holds',
      [
        ['d', 0, 22],
        ['r', 0.5, 2.5],
        ['r', 1, 0],
      ],
      ['fire yellow', 'yellow->red', 'red->yellow'],
    ],
    [
      'it clears when no part holds',
      [
        ['d', 0, 22],
        ['d', 1, 10],
      ],
      ['fire yellow', 'clear'],
    ],
  ] as const)('any (GB 50497: cumulative or rate): %s', (_name, readings, expected) => {
    expect(trace(rule(rateOrCumulative), readings as unknown as [string, number, number][]).steps).toEqual(
      expected,
    );
  });

  const rainAndMovement: Condition = {
    type: 'all',
    within_s: 7200,
    of: [
      above('rain', [
        ['yellow', 20],
        ['red', 50],
      ]),
      above('move', [
        ['orange', 3],
        ['red', 5],
      ]),
    ],
  };

  it.each([
    ['rain alone is not enough', [['rain', 0, 60]], []],
    [
      'both together fire at the milder level',
      [
        ['rain', 0, 30],
        ['move', 0.5, 6],
      ],
      ['fire yellow'],
    ],
    [
      'both severe: red',
      [
        ['rain', 0, 60],
        ['move', 0.5, 6],
      ],
      ['fire red'],
    ],
    [
      'a stale part does not count',
      [
        ['rain', 0, 60],
        ['move', 3, 6],
      ],
      [],
    ],
    [
      'one part dropping clears it',
      [
        ['rain', 0, 60],
        ['move', 0.5, 6],
        ['rain', 1, 0],
      ],
      ['fire red', 'clear'],
    ],
  ] as const)('all (rainfall and displacement): %s', (_name, readings, expected) => {
    expect(trace(rule(rainAndMovement), readings as unknown as [string, number, number][]).steps).toEqual(
      expected,
    );
  });
});

describe('duration and consecutive readings', () => {
  it.each([
    ['for: fires once the condition has held long enough', { for_s: 7200 }, [31, 31, 31], ['fire red']],
    ['for: a dip restarts the window', { for_s: 7200 }, [31, 31, 10, 31, 31], []],
    ['consecutive: fires on the Nth reading in a row', { consecutive: 3 }, [31, 31, 31], ['fire red']],
    ['consecutive: a dip resets the count', { consecutive: 3 }, [31, 31, 10, 31, 31], []],
    ['both must hold', { for_s: 3600, consecutive: 3 }, [31, 31, 31], ['fire red']],
  ] as const)('%s', (_name, extra, values, expected) => {
    const def = rule(displacement, extra);
    const got = trace(
      def,
      values.map((v, i) => ['d', i, v] as [string, number, number]),
    ).steps;
    expect(got.filter((s) => !s.startsWith('hold'))).toEqual(expected);
  });

  it('a pending window survives a restart: the state is plain JSON', () => {
    const def = rule(displacement, { for_s: 7200 });
    const first = trace(def, [
      ['d', 0, 31],
      ['d', 1, 31],
    ]);
    expect(first.steps).toEqual([]);
    const restored = JSON.parse(JSON.stringify(first.state)) as RuleState;
    expect(trace(def, [['d', 2, 31]], restored).steps).toEqual(['fire red']);
  });
});

describe('late and out-of-order readings', () => {
  it('stores them without judging them', () => {
    const def = rule(displacement);
    const out = trace(def, [
      ['d', 2, 10],
      ['d', 1, 35],
    ]);
    // Sorted, 35 at hour 1 comes first and then 10 at hour 2 clears it… within one batch that is the truth.
    expect(out.steps).toEqual(['fire red', 'clear']);
    // Arriving after a newer reading was judged, it is late and changes nothing.
    const later = stepReadingRule(def, out.state, { metric: 'd', ts: T0 + 0.5 * H, value: 99 });
    expect(later).toMatchObject({ late: true, transition: null });
    expect(later.state).toBe(out.state);
  });

  it('ignores metrics the rule does not use', () => {
    const step = stepReadingRule(rule(displacement), emptyState(), { metric: 'other', ts: T0, value: 99 });
    expect(step).toMatchObject({ transition: null, late: false });
  });
});

describe('active hours', () => {
  it.each([
    [{ from: '18:45', to: '06:15' }, '2026-11-20T11:00:00Z', true], // 19:00 CST
    [{ from: '18:45', to: '06:15' }, '2026-11-20T21:00:00Z', true], // 05:00 CST
    [{ from: '18:45', to: '06:15' }, '2026-11-20T04:00:00Z', false], // 12:00 CST
    [{ from: '08:00', to: '18:00' }, '2026-11-20T04:00:00Z', true],
    [{ from: '08:00', to: '18:00' }, '2026-11-20T10:00:00Z', false], // 18:00 CST
  ])('%j at %s: %s', (hours, iso, expected) => {
    expect(inActiveHours(hours, Date.parse(iso))).toBe(expected);
  });

  it('judges only readings inside the hours', () => {
    const def = rule(
      {
        type: 'threshold',
        signal: { metric: 'on', kind: 'value' },
        direction: 'below',
        levels: [{ severity: 'yellow', value: 98 }],
      },
      { active_hours: { from: '19:00', to: '06:00' } },
    );
    const noon = Date.parse('2026-11-20T04:00:00Z');
    const night = Date.parse('2026-11-20T13:00:00Z');
    expect(stepReadingRule(def, emptyState(), { metric: 'on', ts: noon, value: 0 }).transition).toBeNull();
    expect(
      stepReadingRule(def, emptyState(), { metric: 'on', ts: night, value: 0 }).transition,
    ).toMatchObject({
      type: 'fire',
    });
  });
});

describe('no data, aggregates, levels', () => {
  it.each([
    [3 * 86_400, null, true],
    [3 * 86_400, T0 - 3 * 86_400_000 - 1, true],
    [3 * 86_400, T0 - 3 * 86_400_000, false],
    [3600, T0 - 60_000, false],
  ])('silent after %ss, last seen %s: %s', (after, lastSeen, expected) => {
    expect(isSilent(after, lastSeen, T0)).toBe(expected);
  });

  it.each([
    ['2026-11-21T10:00:00Z', '2026-10', '2026-09-30T16:00:00Z', '2026-10-31T16:00:00Z'],
    ['2026-01-01T00:30:00Z', '2025-12', '2025-11-30T16:00:00Z', '2025-12-31T16:00:00Z'], // 08:30 CST on 1 Jan
    ['2025-12-31T17:00:00Z', '2025-12', '2025-11-30T16:00:00Z', '2025-12-31T16:00:00Z'], // 01:00 CST on 1 Jan
  ])('previous month at %s is %s', (now, period, from, to) => {
    expect(previousMonth(Date.parse(now))).toEqual({
      period,
      fromMs: Date.parse(from),
      toMs: Date.parse(to),
    });
  });

  it.each([
    [
      [
        { severity: 'yellow', value: 10 },
        { severity: 'red', value: 20 },
      ],
      'above',
      15,
      'yellow',
    ],
    [
      [
        { severity: 'yellow', value: 10 },
        { severity: 'red', value: 20 },
      ],
      'above',
      9.99,
      null,
    ],
    [
      [
        { severity: 'yellow', value: 98 },
        { severity: 'red', value: 80 },
      ],
      'below',
      79,
      'red',
    ],
  ] as const)('levelFor %j %s %s', (levels, direction, value, expected) => {
    expect(levelFor(levels, direction, value)).toBe(expected);
  });
});

describe('rule definitions', () => {
  const metrics = new Set(['d', 'rain']);
  const ok = { kind: 'reading', condition: above('d', [['yellow', 21]]) };

  it('normalises levels by severity', () => {
    const def = parseRuleDefinition(
      {
        kind: 'reading',
        condition: above('d', [
          ['red', 30],
          ['yellow', 21],
        ]),
      },
      metrics,
    ) as ReadingRuleDefinition;
    expect(def.condition).toMatchObject({ levels: [{ severity: 'yellow' }, { severity: 'red' }] });
  });

  it.each([
    ['not an object', 'x', 'definition must be an object'],
    ['unknown kind', { kind: 'magic' }, 'definition.kind must be one of'],
    ['unknown field', { ...ok, extra: 1 }, 'unknown field "extra"'],
    ['unknown metric', { kind: 'reading', condition: above('zz', [['red', 1]]) }, '"zz" is not a metric'],
    ['NaN level', { kind: 'reading', condition: above('d', [['red', Number.NaN]]) }, 'finite number'],
    [
      'levels out of order',
      {
        kind: 'reading',
        condition: above('d', [
          ['red', 1],
          ['yellow', 2],
        ]),
      },
      'must grow higher',
    ],
    [
      'same severity twice',
      {
        kind: 'reading',
        condition: above('d', [
          ['red', 1],
          ['red', 2],
        ]),
      },
      'red twice',
    ],
    [
      'unknown severity',
      { kind: 'reading', condition: above('d', [['purple', 1]]) },
      'blue, yellow, orange or red',
    ],
    ['no levels', { kind: 'reading', condition: above('d', []) }, '1 to 4 levels'],
    [
      'clear on the wrong side',
      { kind: 'reading', condition: above('d', [['red', 10]], { clear: 12 } as Partial<Condition>) },
      'safe side',
    ],
    [
      'one-part composite',
      { kind: 'reading', condition: { type: 'any', of: [above('d', [['red', 1]])] } },
      '2 to 8',
    ],
    ['bad hours', { ...ok, active_hours: { from: '25:00', to: '06:00' } }, 'HH:MM'],
    ['negative for', { ...ok, for_s: -1 }, 'for_s must be from 0'],
    ['fractional consecutive', { ...ok, consecutive: 1.5 }, 'whole number'],
    ['silence too short', { kind: 'silence', after_s: 1, severity: 'yellow' }, 'after_s must be from 60'],
    [
      'aggregate period',
      {
        kind: 'aggregate',
        metric: 'd',
        aggregate: 'sum',
        period: 'year',
        direction: 'above',
        levels: [{ severity: 'yellow', value: 1 }],
      },
      'period must be one of month',
    ],
  ])('refuses %s', (_name, value, message) => {
    expect(thrown(() => parseRuleDefinition(value, metrics))).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining(message),
    });
  });

  it('refuses nesting deeper than 4', () => {
    let c: Condition = above('d', [['red', 1]]);
    for (let i = 0; i < 5; i++) c = { type: 'any', of: [c, above('d', [['red', 1]])] };
    expect(thrown(() => parseRuleDefinition({ kind: 'reading', condition: c }, metrics))).toMatchObject({
      message: expect.stringContaining('nests deeper'),
    });
  });
});
