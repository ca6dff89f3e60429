// How an alert marker looks at a moment: unacknowledged ones are larger and pulse wider and faster.

export interface MarkerLook {
  /** Diameter (px) of the solid centre. */
  coreSize: number;
  /** Diameter (px) of the expanding ring. */
  haloSize: number;
  /** Opacity of the ring, fading as it grows. */
  haloAlpha: number;
}

const UNACKED = { period: 1200, core: 13, grow: 26, alpha: 0.8 };
const ACKED = { period: 2400, core: 8, grow: 10, alpha: 0.4 };

export function markerLook(nowMs: number, acknowledged: boolean): MarkerLook {
  const s = acknowledged ? ACKED : UNACKED;
  const phase = (((nowMs % s.period) + s.period) % s.period) / s.period; // 0 … 1
  return { coreSize: s.core, haloSize: s.core + s.grow * phase, haloAlpha: s.alpha * (1 - phase) };
}

/** Pulse timer period: ~10 updates/s, at most 2/s on software WebGL. */
export const pulseIntervalMs = (lite: boolean): number => (lite ? 500 : 100);
