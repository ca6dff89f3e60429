// The screen's list of active alerts as pure functions: an Alert from GraphQL as an ActiveAlert, one live
// AlertEvent applied to the list (FIRED adds, UPDATED/ESCALATED change, ACKNOWLEDGED flags, CLEARED removes),
// and the ticker's newest items.
import type { ActiveAlert, Severity } from '../types.ts';

/** The Alert fields the screen reads (for `alerts` and for `alertEvents { alert { … } }`). */
export const ALERT_NODE_FIELDS = `id severity acknowledged startedAt raisedAt clearedAt lastValue
  rule { name nameEn deviceType } device { location } asset { code kind district { code } }`;

export interface AlertNode {
  id: string;
  severity: Severity;
  acknowledged: boolean;
  startedAt: string;
  raisedAt: string;
  clearedAt: string | null;
  lastValue: number | null;
  rule: { name: string; nameEn: string; deviceType: string };
  device: { location: { type: 'Point'; coordinates: [number, number] } } | null;
  asset: { code: string; kind: string; district: { code: string } | null } | null;
}

export type AlertEventKind = 'FIRED' | 'UPDATED' | 'ESCALATED' | 'ACKNOWLEDGED' | 'CLEARED';

/** The `alertEvents` subscription (area and minSeverity as variables). */
export const ALERT_EVENTS_SUBSCRIPTION = `subscription ScreenAlertEvents($area: AreaInput) {
  alertEvents(area: $area) {
    id kind severity previousSeverity at value deviceType location
    alert { ${ALERT_NODE_FIELDS} }
  }
}`;

export interface AlertEventData {
  id: string;
  kind: AlertEventKind;
  severity: Severity;
  previousSeverity: Severity | null;
  at: string;
  value: number | null;
  deviceType: string;
  location: { type: 'Point'; coordinates: [number, number] };
  alert: AlertNode | null;
}

/** One line of the bottom ticker: a live event, or an active alert (before any events, and in replay). */
export interface TickerItem {
  /** Unique per item: the event id, or `alert:<id>`. */
  key: string;
  alertId: string;
  kind: AlertEventKind;
  severity: Severity;
  at: string;
  ruleName: string;
  ruleNameEn: string;
  assetCode: string | null;
  districtCode: string | null;
  value: number | null;
}

export const TICKER_SIZE = 20;

/** An Alert as the screen keeps it; null when it has no position (no device and no event location). */
export function toActiveAlert(node: AlertNode, fallback?: [number, number]): ActiveAlert | null {
  const position = node.device?.location.coordinates ?? fallback;
  if (!position) return null;
  return {
    id: node.id,
    severity: node.severity,
    deviceType: node.rule.deviceType,
    ruleName: node.rule.name,
    ruleNameEn: node.rule.nameEn,
    position: [position[0], position[1]],
    assetCode: node.asset?.code ?? null,
    // Lower case, like LayerId and the assetKind_* messages (the API says BUILDING, CONSTRUCTION_SITE, …).
    assetKind: node.asset ? node.asset.kind.toLowerCase() : null,
    districtCode: node.asset?.district?.code ?? null,
    value: node.lastValue,
    startedAt: node.startedAt,
    raisedAt: node.raisedAt,
    acknowledged: node.acknowledged,
  };
}

const newestFirst = (a: ActiveAlert, b: ActiveAlert) =>
  Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.id.localeCompare(a.id);

/** The loaded alerts as ActiveAlerts, newest first (those without a position are left out). */
export function toActiveAlerts(nodes: readonly AlertNode[]): ActiveAlert[] {
  return nodes.flatMap((n) => toActiveAlert(n) ?? []).sort(newestFirst);
}

/** The list after one event. Applying an event the list already reflects changes nothing that matters. */
export function applyEvent(list: readonly ActiveAlert[], event: AlertEventData): readonly ActiveAlert[] {
  const node = event.alert;
  if (!node) return list;
  const index = list.findIndex((a) => a.id === node.id);
  const current = index >= 0 ? list[index] : undefined;
  if (event.kind === 'CLEARED') return current ? list.filter((a) => a.id !== node.id) : list;
  if (!current) {
    // A FIRED, or a change to an alert the list missed: take it as the server has it now, unless it has
    // cleared since.
    if (node.clearedAt) return list;
    const added = toActiveAlert(node, event.location.coordinates);
    if (!added) return list;
    const next: ActiveAlert = {
      ...added,
      severity: event.severity,
      value: event.value ?? added.value,
      raisedAt: event.kind === 'FIRED' ? event.at : added.raisedAt,
    };
    return [...list, next].sort(newestFirst);
  }
  const changed: ActiveAlert = {
    ...current,
    severity: event.severity,
    value: event.value ?? current.value,
    raisedAt: event.severity !== current.severity ? event.at : current.raisedAt,
    acknowledged: current.acknowledged || event.kind === 'ACKNOWLEDGED' || node.acknowledged,
  };
  return list.map((a, i) => (i === index ? changed : a));
}

/** An event as a ticker line. */
export function eventItem(event: AlertEventData): TickerItem | null {
  const node = event.alert;
  if (!node) return null;
  return {
    key: event.id,
    alertId: node.id,
    kind: event.kind,
    severity: event.severity,
    at: event.at,
    ruleName: node.rule.name,
    ruleNameEn: node.rule.nameEn,
    assetCode: node.asset?.code ?? null,
    districtCode: node.asset?.district?.code ?? null,
    value: event.value ?? node.lastValue,
  };
}

/** An active alert as a ticker line (at: when it was raised or last changed severity). */
export const alertItem = (a: ActiveAlert): TickerItem => ({
  key: `alert:${a.id}`,
  alertId: a.id,
  kind: 'FIRED',
  severity: a.severity,
  at: a.raisedAt,
  ruleName: a.ruleName,
  ruleNameEn: a.ruleNameEn,
  assetCode: a.assetCode,
  districtCode: a.districtCode,
  value: a.value,
});

/** Adds an event's line to the newest events (newest first, no repeats, at most `max`). */
export function pushEvent(events: readonly TickerItem[], item: TickerItem, max = TICKER_SIZE): TickerItem[] {
  return [item, ...events.filter((e) => e.key !== item.key)].slice(0, max);
}

/**
 * The ticker: the newest line per alert from the events, filled up with the active alerts events have not
 * mentioned, newest first, at most `max`.
 */
export function tickerItems(
  events: readonly TickerItem[],
  alerts: readonly ActiveAlert[],
  max = TICKER_SIZE,
): TickerItem[] {
  const seen = new Set<string>();
  const items: TickerItem[] = [];
  for (const item of [...events, ...alerts.map(alertItem)]) {
    if (seen.has(item.alertId)) continue;
    seen.add(item.alertId);
    items.push(item);
  }
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, max);
}
