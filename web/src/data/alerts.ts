// The duty console's alert queue over GraphQL: the active alerts, acknowledging and escalating one, and the
// live alert events. Answer types pick their fields from the generated schema types.
import type { Alert, AlertEvent, AlertRule, Asset, Device } from './generated/graphql.ts';
import { gql } from './graphql.ts';

export type AlertRow = Pick<
  Alert,
  'id' | 'severity' | 'acknowledged' | 'acknowledgeComment' | 'escalationLevel' | 'startedAt' | 'lastValue'
> & {
  state: Extract<Alert['state'], 'ACTIVE_UNACKNOWLEDGED' | 'ACTIVE_ACKNOWLEDGED'>;
  rule: Pick<AlertRule, 'name' | 'nameEn'>;
  device: Pick<Device, 'code' | 'typeName' | 'typeNameEn'> | null;
  asset: Pick<Asset, 'code' | 'name'> | null;
};

const ALERT_ROW = `id severity state acknowledged acknowledgeComment escalationLevel startedAt lastValue
  rule { name nameEn } device { code typeName typeNameEn } asset { code name }`;

export async function fetchActiveAlerts(signal?: AbortSignal) {
  const data = await gql<{ alerts: { totalCount: number; edges: { node: AlertRow }[] } }>(
    `{ alerts(filter: { states: [ACTIVE_UNACKNOWLEDGED, ACTIVE_ACKNOWLEDGED] }, first: 100) {
        totalCount edges { node { ${ALERT_ROW} } }
    } }`,
    {},
    signal,
  );
  return { total: data.alerts.totalCount, rows: data.alerts.edges.map((e) => e.node) };
}

export async function acknowledgeAlert(id: string, comment: string): Promise<AlertRow> {
  const data = await gql<{ acknowledgeAlert: AlertRow }>(
    `mutation ConsoleAck($id: ID!, $comment: String!) { acknowledgeAlert(id: $id, comment: $comment) { ${ALERT_ROW} } }`,
    { id, comment },
  );
  return data.acknowledgeAlert;
}

export async function escalateAlert(id: string, comment: string): Promise<AlertRow> {
  const data = await gql<{ escalateAlert: AlertRow }>(
    `mutation ConsoleEscalate($id: ID!, $comment: String!) { escalateAlert(id: $id, comment: $comment) { ${ALERT_ROW} } }`,
    { id, comment },
  );
  return data.escalateAlert;
}

export const ALERT_EVENTS =
  'subscription ConsoleAlertEvents { alertEvents { id kind severity at alert { id } } }';
export interface AlertLiveEvent {
  alertEvents: Pick<AlertEvent, 'id' | 'kind' | 'severity' | 'at'> & { alert: Pick<Alert, 'id'> | null };
}
