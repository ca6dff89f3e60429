import { describe, expect, it } from 'vitest';
import type { ActiveAlert, Severity } from '../types.ts';
import { nextStopIndex, planTour, stopKey, type TourStop } from './tour-plan.ts';

const alert = (id: string, severity: Severity, raisedAt: string, districtCode = '440304'): ActiveAlert => ({
  id,
  severity,
  deviceType: 'PIT_MONITOR',
  ruleName: '规则',
  ruleNameEn: 'Rule',
  position: [114, 22.5],
  assetCode: null,
  assetKind: null,
  districtCode,
  value: null,
  startedAt: raisedAt,
  raisedAt,
  acknowledged: false,
});

const keys = (plan: TourStop[]) => plan.map(stopKey);

describe('tour plan', () => {
  const alerts = [
    alert('o-old', 'ORANGE', '2026-11-21T01:00:00Z', '440303'),
    alert('r-old', 'RED', '2026-11-21T02:00:00Z'),
    alert('y', 'YELLOW', '2026-11-21T05:00:00Z', '440305'),
    alert('r-new', 'RED', '2026-11-21T04:00:00Z'),
    alert('o-new', 'ORANGE', '2026-11-21T03:00:00Z', '440306'),
    alert('b', 'BLUE', '2026-11-21T03:00:00Z', '440305'),
  ];
  const districts = ['440303', '440304', '440305', '440306', '440307'];

  it('visits red then orange alerts, newest first, then districts by open alerts, then the rest in order', () => {
    expect(keys(planTour(alerts, districts))).toEqual([
      'alert:r-new',
      'alert:r-old',
      'alert:o-new',
      'alert:o-old',
      'district:440304',
      'district:440305',
      'district:440303',
      'district:440306',
      'district:440307',
    ]);
  });

  it('caps the alert stops so the districts get their turn', () => {
    expect(keys(planTour(alerts, ['440304'], 1))).toEqual(['alert:r-new', 'district:440304']);
  });

  it('is only districts when nothing is red or orange, and empty with nothing at all', () => {
    expect(keys(planTour([alerts[2]!], ['440303', '440305']))).toEqual([
      'district:440305',
      'district:440303',
    ]);
    expect(planTour([], [])).toEqual([]);
  });
});

describe('next stop', () => {
  const plan = planTour([alert('r', 'RED', '2026-11-21T04:00:00Z')], ['440303', '440304']);

  it('starts at the first stop, moves on and wraps around', () => {
    expect(nextStopIndex(plan, null)).toBe(0);
    expect(nextStopIndex(plan, { key: 'alert:r', index: 0 })).toBe(1);
    expect(nextStopIndex(plan, { key: 'district:440303', index: 2 })).toBe(0);
    expect(nextStopIndex([], null)).toBe(-1);
  });

  it('when the last stop has left the plan, takes the stop that moved into its place', () => {
    const without = planTour([], ['440303', '440304']);
    expect(nextStopIndex(without, { key: 'alert:r', index: 0 })).toBe(0);
    expect(nextStopIndex(without, { key: 'alert:gone', index: 5 })).toBe(1);
  });
});
