// Subscription.alertEvents over SSE: fired, updated, acknowledged, escalated and cleared alerts as they happen,
// filtered per subscriber by their scope, area and minimum severity.
import type { MultiPolygon, Polygon } from 'geojson';
import { type Severity, severityRank } from '../../../domain/codes.ts';
import type { AlertEventRow } from '../../../store/alerts.repo.ts';
import { builder } from '../../builder.ts';
import { AlertSeverityEnum, DeviceTypeEnum } from '../../enums.ts';
import { eventMatches } from '../../live-area.ts';
import { liveStream } from '../../live-stream.ts';
import { AreaInput, areaOrCity } from '../area-input.ts';
import { Alert } from './alert.ts';
import { eventFields } from './history.ts';

const AlertEventRef = builder.objectRef<AlertEventRow>('AlertEvent').implement({
  description: 'Something happened to an alert.',
  fields: (t) => ({
    id: t.string({ description: 'Event id; increases over time.', resolve: (e) => String(e.id) }),
    ...eventFields(t),
    deviceType: t.field({ type: DeviceTypeEnum, resolve: (e) => e.device_type }),
    location: t.field({
      type: 'GeoJSON',
      resolve: (e) => ({ type: 'Point' as const, coordinates: [e.lon, e.lat] }),
    }),
    alert: t.field({ type: Alert, nullable: true, resolve: (e) => String(e.alert_id) }),
  }),
});

builder.subscriptionField('alertEvents', (t) =>
  t.field({
    type: AlertEventRef,
    description:
      'Fired, updated, acknowledged, escalated and cleared alerts in an area as they happen (SSE: send Accept: text/event-stream).',
    args: {
      area: t.arg({ type: AreaInput }),
      minSeverity: t.arg({ type: AlertSeverityEnum, defaultValue: 'blue' }),
    },
    subscribe: async (_root, args, ctx) => {
      const area = await areaOrCity(ctx, args.area);
      const geometry = area.kind === 'geometry' ? (JSON.parse(area.geojson) as Polygon | MultiPolygon) : null;
      const min = severityRank(args.minSeverity ?? 'blue');
      const scope = ctx.scope;
      return liveStream(
        ctx.live.bus,
        (e) => severityRank(e.severity as Severity) >= min && eventMatches(e, scope, area, geometry),
      );
    },
    resolve: (event) => event,
  }),
);
