// The tour for unattended walls as pure functions: which stops, in what order (red and orange alerts, most
// severe and newest first, then the districts with the most open alerts, then the rest), and where to go next
// when the plan has changed under the tour.
import { SEVERITIES } from '../../data/codes.ts';
import type { ActiveAlert } from '../types.ts';

export type TourStop = { type: 'alert'; alert: ActiveAlert } | { type: 'district'; code: string };

export const TOUR_INTERVAL_MS = 12_000;
/** At most this many alert stops per round, so the districts still get their turn. */
export const MAX_ALERT_STOPS = 10;

export const stopKey = (stop: TourStop) =>
  stop.type === 'alert' ? `alert:${stop.alert.id}` : `district:${stop.code}`;

const rank = (a: ActiveAlert) => SEVERITIES.indexOf(a.severity);

/** One round of the tour. `districtCodes` in their usual (code) order. */
export function planTour(
  alerts: readonly ActiveAlert[],
  districtCodes: readonly string[],
  maxAlerts = MAX_ALERT_STOPS,
): TourStop[] {
  const serious = alerts
    .filter((a) => a.severity === 'RED' || a.severity === 'ORANGE')
    .sort((a, b) => rank(b) - rank(a) || Date.parse(b.raisedAt) - Date.parse(a.raisedAt))
    .slice(0, maxAlerts)
    .map((alert): TourStop => ({ type: 'alert', alert }));
  const open = new Map<string, number>();
  for (const a of alerts) if (a.districtCode) open.set(a.districtCode, (open.get(a.districtCode) ?? 0) + 1);
  const districts = districtCodes
    .map((code, order) => ({ code, order, n: open.get(code) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.order - b.order)
    .map(({ code }): TourStop => ({ type: 'district', code }));
  return [...serious, ...districts];
}

/** Where the tour was: the stop's key and its place in the plan then. */
export interface TourPosition {
  key: string;
  index: number;
}

/**
 * The index of the next stop: the one after the last stop; when that stop has left the plan (an alert
 * cleared), the one that moved into its place. -1 for an empty plan.
 */
export function nextStopIndex(plan: readonly TourStop[], last: TourPosition | null): number {
  if (plan.length === 0) return -1;
  if (!last) return 0;
  const found = plan.findIndex((s) => stopKey(s) === last.key);
  return found >= 0 ? (found + 1) % plan.length : last.index % plan.length;
}
