// An alert's history: what every alert event says, shared by the history entries and the live AlertEvent.
import type { Severity } from '../../../domain/codes.ts';
import type { AlertHistoryRow } from '../../../store/alerts.repo.ts';
import { builder, type SchemaTypes } from '../../builder.ts';
import { AlertSeverityEnum } from '../../enums.ts';

const AlertEventKindEnum = builder.enumType('AlertEventKind', {
  values: ['FIRED', 'UPDATED', 'ACKNOWLEDGED', 'ESCALATED', 'CLEARED'] as const,
});

/** What every alert event says: the history entry's fields, shared by AlertHistoryEntry and AlertEvent. */
export function eventFields<T extends AlertHistoryRow>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, T>,
) {
  return {
    kind: t.field({ type: AlertEventKindEnum, resolve: (e) => e.kind.toUpperCase() as 'FIRED' }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    severity: t.field({ type: AlertSeverityEnum, resolve: (e) => e.severity as Severity }),
    previousSeverity: t.field({
      type: AlertSeverityEnum,
      nullable: true,
      resolve: (e) => e.previous_severity as Severity | null,
    }),
    value: t.float({ nullable: true, resolve: (e) => e.value }),
    actor: t.string({ resolve: (e) => e.actor }),
    comment: t.string({ nullable: true, resolve: (e) => e.comment }),
  };
}

export const AlertHistoryEntry = builder.objectRef<AlertHistoryRow>('AlertHistoryEntry').implement({
  fields: (t) => eventFields(t),
});
