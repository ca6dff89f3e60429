import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../api/src/alerts/default-rules.ts';
import { rulesThresholdLines, thresholdLines } from './thresholds.ts';

/** A rule of the default pack, as the API installs it (a copy, for the tests to change). */
function defaultRule(code: string) {
  const rule = DEFAULT_RULES.find((r) => r.code === code);
  if (!rule) throw new Error(`the default rule pack has no ${code}`);
  return structuredClone(rule.definition) as { condition: { of: { signal: object }[] } };
}

const PIT = defaultRule('pit.wall-top-displacement');
const CRANE = defaultRule('crane.load-moment');

describe('threshold lines from rule definitions', () => {
  it('draws value thresholds per level in severity colours', () => {
    expect(thresholdLines(CRANE, 'load_moment_ratio')).toEqual([
      { severity: 'ORANGE', value: 90, direction: 'above' },
      { severity: 'RED', value: 100, direction: 'above' },
    ]);
    expect(thresholdLines(CRANE, 'other_metric')).toEqual([]);
  });

  it('draws changes from a fixed baseline at baseline + value, and skips rates', () => {
    expect(thresholdLines(PIT, 'wall_top_displacement').map((l) => [l.severity, l.value])).toEqual([
      ['YELLOW', 21],
      ['ORANGE', 25.5],
      ['RED', 30],
    ]);
    const shifted = structuredClone(PIT);
    (shifted.condition.of[0]!.signal as { baseline?: number }).baseline = 100;
    expect(thresholdLines(shifted, 'wall_top_displacement').map((l) => l.value)).toEqual([121, 125.5, 130]);
  });

  it('skips changes without a baseline, silence and monthly rules, and junk', () => {
    const noBaseline = structuredClone(PIT);
    delete (noBaseline.condition.of[0]!.signal as { baseline?: number }).baseline;
    expect(thresholdLines(noBaseline, 'wall_top_displacement')).toEqual([]);
    expect(thresholdLines({ kind: 'silence', after_s: 3600, severity: 'yellow' }, 'x')).toEqual([]);
    expect(
      thresholdLines(
        { kind: 'aggregate', metric: 'kwh', direction: 'above', levels: [{ severity: 'red', value: 1 }] },
        'kwh',
      ),
    ).toEqual([]);
    expect(thresholdLines(null, 'x')).toEqual([]);
    expect(thresholdLines('{"kind":"reading"}', 'x')).toEqual([]);
  });

  it('finds thresholds nested in all/any, below as well as above, without repeats across rules', () => {
    const nested = {
      kind: 'reading',
      condition: {
        type: 'all',
        of: [
          { type: 'any', of: [CRANE.condition] },
          {
            type: 'threshold',
            signal: { metric: 'load_moment_ratio', kind: 'value' },
            direction: 'below',
            levels: [{ severity: 'blue', value: 5 }],
          },
        ],
      },
    };
    expect(rulesThresholdLines([nested, CRANE], 'load_moment_ratio')).toEqual([
      { severity: 'BLUE', value: 5, direction: 'below' },
      { severity: 'ORANGE', value: 90, direction: 'above' },
      { severity: 'RED', value: 100, direction: 'above' },
    ]);
  });
});
