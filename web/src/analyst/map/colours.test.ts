import { describe, expect, it } from 'vitest';
import { densityColour, featureColour, SEVERITY } from './colours.ts';

describe('densityColour', () => {
  it('runs from pale (one alert) to red (the busiest cell)', () => {
    expect(densityColour(1, 10)).toEqual([254, 240, 138, 150]);
    expect(densityColour(10, 10)).toEqual([220, 38, 38, 220]);
    expect(densityColour(1, 1)).toEqual([220, 38, 38, 220]);
    const mid = densityColour(3, 10);
    expect(mid[1]).toBeLessThan(240);
    expect(mid[1]).toBeGreaterThan(38);
  });
});

describe('featureColour', () => {
  it('colours alerts by severity and falls back to grey', () => {
    expect(featureColour('alerts', { severity: 'RED' })).toEqual(SEVERITY.RED);
    expect(featureColour('buildings', { safetyGrade: 'Z' })).toEqual([150, 160, 175, 200]);
    expect(featureColour('lamps', null)).toEqual([150, 160, 175, 200]);
  });
});
