// The alert markers' pulse: shape over time, prominence of unacknowledged alerts, tick rate.
import { describe, expect, it } from 'vitest';
import { markerLook, pulseIntervalMs } from './pulse.ts';

describe('markerLook', () => {
  it('starts a pulse with the ring on the core at full opacity, then grows and fades it', () => {
    const start = markerLook(0, false);
    expect(start.haloSize).toBe(start.coreSize);
    const mid = markerLook(600, false);
    expect(mid.haloSize).toBeGreaterThan(start.haloSize);
    expect(mid.haloAlpha).toBeLessThan(start.haloAlpha);
    expect(markerLook(1200, false)).toEqual(start);
  });
  it('makes unacknowledged alerts more prominent', () => {
    const over = (ack: boolean) => Array.from({ length: 48 }, (_, i) => markerLook(i * 50, ack));
    const peak = (looks: ReturnType<typeof markerLook>[], f: (l: (typeof looks)[number]) => number) =>
      Math.max(...looks.map(f));
    const [un, ack] = [over(false), over(true)];
    expect(un[0]!.coreSize).toBeGreaterThan(ack[0]!.coreSize);
    expect(peak(un, (l) => l.haloSize)).toBeGreaterThan(peak(ack, (l) => l.haloSize));
    expect(peak(un, (l) => l.haloAlpha)).toBeGreaterThan(peak(ack, (l) => l.haloAlpha));
  });
  it('copes with negative clocks', () => {
    expect(markerLook(-300, false).haloAlpha).toBeGreaterThanOrEqual(0);
  });
});

describe('pulseIntervalMs', () => {
  it('ticks at 10/s normally and 2/s in lite mode', () => {
    expect(1000 / pulseIntervalMs(false)).toBe(10);
    expect(1000 / pulseIntervalMs(true)).toBe(2);
  });
});
