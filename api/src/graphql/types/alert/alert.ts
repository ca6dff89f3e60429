// The Alert node: one alert of one rule on one device, its rule, trigger reading, history and the metric around
// it; and each asset's worst active severity. Rows are cut to the caller's area in SQL.
import type { Severity } from '../../../domain/codes.ts';
import { DomainError } from '../../../domain-error.ts';
import {
  type AlertRow,
  findAlertHistory,
  findAlertsByIds,
  findAssetAlertSeverity,
  listRules,
} from '../../../store/alerts.repo.ts';
import { builder } from '../../builder.ts';
import { AlertSeverityEnum } from '../../enums.ts';
import { Asset } from '../asset/asset.ts';
import { Device, loadSeries, Series } from '../device.ts';
import { AlertHistoryEntry } from './history.ts';
import { AlertRule } from './rule.ts';

export const AlertStateEnum = builder.enumType('AlertState', {
  description: 'Active or cleared, acknowledged or not (ThingsBoard’s four alarm states).',
  values: [
    'ACTIVE_UNACKNOWLEDGED',
    'ACTIVE_ACKNOWLEDGED',
    'CLEARED_UNACKNOWLEDGED',
    'CLEARED_ACKNOWLEDGED',
  ] as const,
});

const stateOf = (a: AlertRow) =>
  `${a.cleared_at ? 'CLEARED' : 'ACTIVE'}_${a.acknowledged_at ? 'ACKNOWLEDGED' : 'UNACKNOWLEDGED'}` as const;

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
