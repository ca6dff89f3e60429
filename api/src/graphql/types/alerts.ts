// Alerts, their rules and live events: Query.alerts and alertRules, acknowledging, editing rules,
// ingestReadings, and Subscription.alertEvents over SSE. Rows are cut to the caller's area in SQL; live
// events are filtered per subscriber by the same scope.
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AccessScope } from '../../access/scope.ts';
import {
  type AlertDeps,
  acknowledgeAlert,
  changeRule,
  createRule,
  escalateAlert,
} from '../../alerts/alerts.service.ts';
import { DEVICE_TYPES, SEVERITIES, type Severity, severityRank } from '../../domain/codes.ts';
import { DomainError } from '../../domain-error.ts';
import { REJECT_REASONS } from '../../ingest/reading-items.ts';
import {
  type AlertEventRow,
  type AlertFilter,
  type AlertHistoryRow,
  type AlertRow,
  countAlerts,
  findAlertHistory,
  findAlertsByIds,
  findAlertsPage,
  findAssetAlertSeverity,
  listRules,
  type RuleFullRow,
} from '../../store/alerts.repo.ts';
import type { ResolvedArea } from '../../store/area-params.ts';
import { ASSET_CODE } from '../../store/assets.repo.ts';
import { insertAudit } from '../../store/audit.repo.ts';
import { builder, type SchemaTypes } from '../builder.ts';
import type { ApiContext } from '../context.ts';
import { liveStream } from '../live-stream.ts';
import { parseNodeId } from '../node-id.ts';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../pagination.ts';
import { AreaInput, areaOrCity } from './area-input.ts';
import { Asset } from './asset.ts';
import { Device, loadSeries, Series } from './device.ts';

export const AlertSeverityEnum = builder.enumType('AlertSeverity', {
  description: '蓝 BLUE < 黄 YELLOW < 橙 ORANGE < 红 RED.',
  values: Object.fromEntries(SEVERITIES.map((s) => [s.toUpperCase(), { value: s }])) as Record<
    string,
    { value: Severity }
  >,
});

const AlertStateEnum = builder.enumType('AlertState', {
  description: 'Active or cleared, acknowledged or not (ThingsBoard’s four alarm states).',
  values: [
    'ACTIVE_UNACKNOWLEDGED',
    'ACTIVE_ACKNOWLEDGED',
    'CLEARED_UNACKNOWLEDGED',
    'CLEARED_ACKNOWLEDGED',
  ] as const,
});

export const DeviceTypeEnum = builder.enumType('DeviceType', {
  values: Object.fromEntries(DEVICE_TYPES.map((t) => [t.toUpperCase(), { value: t }])) as Record<
    string,
    { value: string }
  >,
});

const AlertEventKindEnum = builder.enumType('AlertEventKind', {
  values: ['FIRED', 'UPDATED', 'ACKNOWLEDGED', 'ESCALATED', 'CLEARED'] as const,
});

const alertDeps = (ctx: ApiContext): AlertDeps => ({ pool: ctx.pool, events: ctx.live.events });

const stateOf = (a: AlertRow) =>
  `${a.cleared_at ? 'CLEARED' : 'ACTIVE'}_${a.acknowledged_at ? 'ACKNOWLEDGED' : 'UNACKNOWLEDGED'}` as const;

export const AlertRule = builder.objectRef<RuleFullRow>('AlertRule').implement({
  description:
    'A rule the alert engine applies to every device of its type; the definition is JSON (see README).',
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name_zh'),
    nameEn: t.exposeString('name_en'),
    deviceType: t.field({ type: DeviceTypeEnum, resolve: (r) => r.device_type }),
    kind: t.exposeString('kind', { description: 'reading, silence (no data) or aggregate (monthly).' }),
    definition: t.field({ type: 'JSON', resolve: (r) => r.definition }),
    escalateAfterS: t.exposeInt('escalate_after_s', { nullable: true }),
    citation: t.exposeString('citation', { description: 'Where the limits come from.' }),
    enabled: t.exposeBoolean('enabled'),
    version: t.exposeInt('version', { description: 'Send it back with a change (optimistic locking).' }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updated_at }),
    updatedBy: t.exposeString('updated_by'),
  }),
});

/** What every alert event says: the history entry's fields, shared by AlertHistoryEntry and AlertEvent. */
function eventFields<T extends AlertHistoryRow>(t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, T>) {
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

const AlertHistoryEntry = builder.objectRef<AlertHistoryRow>('AlertHistoryEntry').implement({
  fields: (t) => eventFields(t),
});

// No caching across a request: an alertEvents subscription is one long request (see Case).
export const Alert = builder.loadableNodeRef<AlertRow, string, string>('Alert', {
  loaderOptions: { cache: false },
  id: { resolve: (a) => a.id },
  load: (ids: string[], ctx) =>
    findAlertsByIds(ctx.db, ctx.scope, ids.filter((i) => /^\d{1,15}$/.test(i)).map(Number)),
  sort: (a) => String(a.id),
});

const TriggerReading = builder
  .objectRef<{ metric: string; t: Date; value: number }>('TriggerReading')
  .implement({
    fields: (t) => ({
      metric: t.exposeString('metric', { description: 'The metric key.' }),
      t: t.field({ type: 'DateTime', resolve: (r) => r.t }),
      value: t.exposeFloat('value'),
    }),
  });

Alert.implement({
  description:
    'One alert of one rule on one device: raised, moved between severities, acknowledged, cleared.',
  fields: (t) => ({
    severity: t.field({ type: AlertSeverityEnum, resolve: (a) => a.severity as Severity }),
    peakSeverity: t.field({ type: AlertSeverityEnum, resolve: (a) => a.peak_severity as Severity }),
    state: t.field({ type: AlertStateEnum, resolve: stateOf }),
    active: t.boolean({ resolve: (a) => a.cleared_at === null }),
    acknowledged: t.boolean({ resolve: (a) => a.acknowledged_at !== null }),
    startedAt: t.field({
      type: 'DateTime',
      description: 'When the condition began.',
      resolve: (a) => a.started_at,
    }),
    raisedAt: t.field({
      type: 'DateTime',
      description: 'When the engine raised it.',
      resolve: (a) => a.created_at,
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updated_at }),
    clearedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.cleared_at }),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.acknowledged_at }),
    acknowledgedBy: t.exposeString('acknowledged_by', { nullable: true }),
    acknowledgeComment: t.exposeString('ack_comment', { nullable: true }),
    escalationLevel: t.exposeInt('escalation_level', {
      description: '0 none, 1 escalated to the district, 2 to the city.',
    }),
    escalatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.escalated_at }),
    lastValue: t.exposeFloat('last_value', { nullable: true }),
    details: t.field({ type: 'JSON', resolve: (a) => a.details }),
    rule: t.loadable({
      type: AlertRule,
      // The rules table is small: one read per request serves every alert on the page.
      load: async (ids: number[], ctx) => {
        const rules = new Map((await listRules(ctx.db)).map((r) => [r.id, r]));
        return ids.map((id) => rules.get(id)!);
      },
      resolve: (a) => a.rule_id,
    }),
    device: t.field({ type: Device, nullable: true, resolve: (a) => String(a.device_id) }),
    asset: t.field({ type: Asset, nullable: true, resolve: (a) => a.asset_id }),
    trigger: t.field({
      type: TriggerReading,
      nullable: true,
      description: 'The reading that raised it (null for no-data and monthly rules).',
      resolve: async (a, _args, ctx) => {
        if (a.metric_id === null || a.trigger_ts === null || a.trigger_value === null) return null;
        const metric = (await ctx.metrics()).get(a.metric_id);
        return metric ? { metric: metric.key, t: a.trigger_ts, value: a.trigger_value } : null;
      },
    }),
    history: t.loadableList({
      loaderOptions: { cache: false },
      type: AlertHistoryEntry,
      description: 'Every event of the alert, oldest first.',
      load: async (ids: number[], ctx) => {
        const rows = await findAlertHistory(ctx.db, ids);
        return ids.map((id) => rows.filter((r) => r.alert_id === id));
      },
      resolve: (a) => a.id,
    }),
    window: t.field({
      type: Series,
      nullable: true,
      complexity: 100,
      description:
        'The triggering metric around the start, for the chart: `before` seconds before it to `after` seconds after (or now).',
      args: {
        before: t.arg.int({ defaultValue: 6 * 3600 }),
        after: t.arg.int({ defaultValue: 6 * 3600 }),
      },
      resolve: async (a, args, ctx) => {
        if (a.metric_id === null) return null;
        const metric = (await ctx.metrics()).get(a.metric_id);
        if (!metric) return null;
        const from = new Date(a.started_at.getTime() - (args.before ?? 0) * 1000);
        const to = new Date(Math.min(Date.now() + 60_000, a.started_at.getTime() + (args.after ?? 0) * 1000));
        if (!(to > from)) throw new DomainError('INVALID_INPUT', '"before" and "after" must span some time');
        const [series] = await loadSeries([a.device_id], ctx, {
          metric: metric.key,
          from,
          to,
          bucket: 'AUTO',
        });
        return series!;
      },
    }),
  }),
});

// Worst active alert severity per asset (roll-up for the map).
builder.interfaceField(Asset, 'alertSeverity', (t) =>
  t.loadable({
    type: AlertSeverityEnum,
    nullable: true,
    description: 'The worst severity among the asset’s active alerts; null when none.',
    load: async (ids: number[], ctx) => {
      const rows = await findAssetAlertSeverity(ctx.db, ids);
      return ids.map((id) => (rows.find((r) => r.asset_id === id)?.severity as Severity) ?? null);
    },
    resolve: (a) => a.id,
  }),
);

const AlertFilterInput = builder.inputType('AlertFilter', {
  fields: (t) => ({
    area: t.field({ type: AreaInput, description: 'Default: the whole city (your area).' }),
    states: t.field({ type: [AlertStateEnum] }),
    severities: t.field({ type: [AlertSeverityEnum] }),
    kinds: t.field({ type: [DeviceTypeEnum], description: 'Device types.' }),
    from: t.field({ type: 'DateTime', description: 'Alerts active at some time in [from, to).' }),
    to: t.field({ type: 'DateTime' }),
    activeAt: t.field({
      type: 'DateTime',
      description: 'Alerts active at this instant (raised by then, not yet cleared); for replaying the past.',
    }),
    assetCode: t.string({ description: 'Only alerts on this asset, e.g. BD-440304-000123.' }),
  }),
});

async function toFilter(
  ctx: ApiContext,
  input: typeof AlertFilterInput.$inferInput | null | undefined,
): Promise<AlertFilter> {
  const activeAt = input?.activeAt ?? null;
  if (activeAt && (input?.from || input?.to)) {
    throw new DomainError('INVALID_INPUT', 'give either "activeAt" or "from"/"to", not both');
  }
  // Active at an instant = active at some time in [activeAt, activeAt + 1 ms).
  const from = activeAt ?? input?.from ?? null;
  const to = activeAt ? new Date(activeAt.getTime() + 1) : (input?.to ?? null);
  if (from && to && !(from < to)) throw new DomainError('INVALID_INPUT', '"from" must be before "to"');
  const assetCode = input?.assetCode ?? null;
  if (assetCode !== null && !ASSET_CODE.test(assetCode)) {
    throw new DomainError('INVALID_INPUT', `"${assetCode.slice(0, 40)}" is not an asset code`);
  }
  const nonEmpty = <T>(list: readonly T[] | null | undefined) => (list && list.length > 0 ? [...list] : null);
  return {
    area: await areaOrCity(ctx, input?.area),
    states: nonEmpty(input?.states),
    severities: nonEmpty(input?.severities),
    deviceTypes: nonEmpty(input?.kinds),
    from,
    to,
    assetCode,
  };
}

builder.queryFields((t) => ({
  alerts: t.connection({
    type: Alert,
    description: 'Alerts in an area, newest first.',
    args: { filter: t.arg({ type: AlertFilterInput }) },
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 50 }),
    resolve: async (_root, args, ctx) => {
      if (args.last != null || args.before != null) {
        throw new DomainError('INVALID_INPUT', 'page forwards with first/after');
      }
      const limit = pageSize(args.first);
      const filter = await toFilter(ctx, args.filter);
      const key = decodeCursor('alert', args.after);
      let after: { startedAt: Date; id: number } | null = null;
      if (key !== null) {
        const m = /^(\d{1,15}):(\d{1,15})$/.exec(key);
        if (!m) throw new DomainError('INVALID_INPUT', '"after" is not an alert cursor');
        after = { startedAt: new Date(Number(m[1])), id: Number(m[2]) };
      }
      const rows = await findAlertsPage(ctx.db, ctx.scope, filter, after, limit + 1);
      return toConnection(
        rows,
        limit,
        (a) => encodeCursor('alert', `${a.started_at.getTime()}:${a.id}`),
        after !== null,
        () => countAlerts(ctx.db, ctx.scope, filter),
      );
    },
  }),
  alertRules: t.field({
    type: [AlertRule],
    description: 'Every alert rule, with its citation.',
    resolve: (_root, _args, ctx) => listRules(ctx.db),
  }),
}));

builder.mutationField('acknowledgeAlert', (t) =>
  t.field({
    type: Alert,
    authScopes: { permission: 'alerts:handle' },
    description: 'Acknowledge an alert once, saying what was done. Stops its escalation.',
    args: {
      id: t.arg.id({ required: true, description: 'The Alert id (global or numeric).' }),
      comment: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const alertId = parseNodeId(args.id, 'Alert');
      await acknowledgeAlert(alertDeps(ctx), ctx.actor, ctx.scope, alertId, args.comment);
      const [row] = await findAlertsByIds(ctx.db, ctx.scope, [alertId]);
      return row!;
    },
  }),
);

builder.mutationField('escalateAlert', (t) =>
  t.field({
    type: Alert,
    authScopes: { permission: 'alerts:handle' },
    description: 'Escalate an active alert one level up the chain (1 district, 2 city), saying why.',
    args: {
      id: t.arg.id({ required: true, description: 'The Alert id (global or numeric).' }),
      comment: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const alertId = parseNodeId(args.id, 'Alert');
      await escalateAlert(alertDeps(ctx), ctx.actor, ctx.scope, alertId, args.comment);
      const [row] = await findAlertsByIds(ctx.db, ctx.scope, [alertId]);
      return row!;
    },
  }),
);

const RuleDefinitionInput = 'JSONInput' as const;

const CreateRuleInput = builder.inputType('CreateAlertRuleInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true, description: 'Chinese name.' }),
    nameEn: t.string({ required: true }),
    deviceType: t.field({ type: DeviceTypeEnum, required: true }),
    definition: t.field({ type: RuleDefinitionInput, required: true }),
    escalateAfterS: t.int(),
    citation: t.string({ required: true }),
    enabled: t.boolean({ defaultValue: true }),
  }),
});

const UpdateRuleInput = builder.inputType('UpdateAlertRuleInput', {
  fields: (t) => ({
    id: t.int({ required: true }),
    version: t.int({
      required: true,
      description: 'The version you read; a concurrent change makes this fail.',
    }),
    name: t.string(),
    nameEn: t.string(),
    definition: t.field({ type: RuleDefinitionInput }),
    escalateAfterS: t.int({ description: 'Send null to stop escalating.' }),
    citation: t.string(),
    enabled: t.boolean(),
  }),
});

builder.mutationFields((t) => ({
  createAlertRule: t.field({
    type: AlertRule,
    authScopes: { permission: 'admin:manage' },
    args: { input: t.arg({ type: CreateRuleInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createRule(ctx.pool, ctx.actor, {
        code: input.code,
        nameZh: input.name,
        nameEn: input.nameEn,
        deviceType: input.deviceType,
        definition: input.definition,
        escalateAfterS: input.escalateAfterS ?? null,
        citation: input.citation,
        enabled: input.enabled ?? true,
      }),
  }),
  updateAlertRule: t.field({
    type: AlertRule,
    authScopes: { permission: 'admin:manage' },
    description:
      'Change a rule. A changed condition or disabling clears its open alerts and restarts its state.',
    args: { input: t.arg({ type: UpdateRuleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { rule } = await changeRule(alertDeps(ctx), ctx.actor, {
        id: input.id,
        version: input.version,
        nameZh: input.name,
        nameEn: input.nameEn,
        definition: input.definition,
        escalateAfterS: input.escalateAfterS,
        citation: input.citation,
        enabled: input.enabled,
      });
      return rule;
    },
  }),
}));

// ingestReadings: the same path as POST /ingest, for systems that only speak GraphQL.
const ReadingInput = builder.inputType('ReadingInput', {
  fields: (t) => ({
    device: t.string({ required: true, description: 'Device code, e.g. DV-440304-000123.' }),
    metric: t.string({ required: true, description: 'Metric key, e.g. pm10.' }),
    ts: t.string({
      required: true,
      description: 'ISO 8601 with a UTC offset, e.g. 2026-11-21T09:30:00+08:00.',
    }),
    value: t.float({ required: true }),
  }),
});

const Rejected = builder
  .objectRef<{ index: number; reason: string; message: string }>('RejectedReading')
  .implement({
    fields: (t) => ({
      index: t.exposeInt('index', { description: 'Position in the batch, from 0.' }),
      reason: t.exposeString('reason', { description: `One of ${REJECT_REASONS.join(', ')}.` }),
      message: t.exposeString('message'),
    }),
  });

const IngestResultRef = builder
  .objectRef<{
    received: number;
    stored: number;
    duplicates: number;
    late: number;
    rejected: { index: number; reason: string; message: string }[];
    alertEvents: number;
  }>('IngestResult')
  .implement({
    fields: (t) => ({
      received: t.exposeInt('received'),
      stored: t.exposeInt('stored'),
      duplicates: t.exposeInt('duplicates', {
        description: 'Already stored; accepted and not stored twice.',
      }),
      late: t.exposeInt('late', {
        description: 'Stored, but older than a reading already judged: not judged.',
      }),
      rejected: t.field({ type: [Rejected], resolve: (r) => r.rejected }),
      alertEvents: t.exposeInt('alertEvents'),
    }),
  });

builder.mutationField('ingestReadings', (t) =>
  t.field({
    type: IngestResultRef,
    authScopes: { permission: 'readings:ingest' },
    description: 'Store readings (committed before the answer); rejected items are reported and kept aside.',
    args: { readings: t.arg({ type: [ReadingInput], required: true }) },
    complexity: (args) => ({ field: 1, multiplier: Math.ceil(args.readings.length / 50) }),
    resolve: async (_root, args, ctx) => {
      const limit = ctx.live.ingest.maxItems;
      if (args.readings.length > limit) {
        throw new DomainError('LIMIT_EXCEEDED', `at most ${limit} readings per call`);
      }
      const result = await ctx.live.ingest.ingest({
        items: args.readings,
        source: 'graphql',
        actor: ctx.actor.name,
        scope: ctx.scope,
      });
      await insertAudit(ctx.db, ctx.actor, {
        action: 'ingestReadings',
        outcome: 'ok',
        detail: { received: result.received, stored: result.stored, rejected: result.rejected.length },
      });
      return result;
    },
  }),
);

// Live events.
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

/** Whether a live event lies in the subscriber's scope and chosen area (the same rules as the SQL). */
export function eventMatches(
  e: Pick<AlertEventRow, 'district_code' | 'street_code' | 'community_code' | 'grid_code' | 'lon' | 'lat'>,
  scope: AccessScope,
  area: ResolvedArea,
  geometry: Polygon | MultiPolygon | null,
): boolean {
  if (scope && e.district_code !== scope.code && e.street_code !== scope.code) return false;
  switch (area.kind) {
    case 'city':
      return true;
    case 'district':
      return e.district_code === area.code;
    case 'street':
      return e.street_code === area.code;
    case 'community':
      return e.community_code === area.code;
    case 'grid':
      return e.grid_code === area.code;
    case 'circle':
      return distance([area.lon, area.lat], [e.lon, e.lat], { units: 'meters' }) <= area.radiusM;
    case 'geometry':
      return geometry !== null && booleanPointInPolygon([e.lon, e.lat], geometry);
  }
}

builder.subscriptionType({ authScopes: { permission: 'map:read' } });

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
