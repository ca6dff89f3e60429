// Query.alerts: alerts in an area by state, severity, device type, time and asset, newest first.
import { DomainError } from '../../../domain-error.ts';
import { type AlertFilter, countAlerts, findAlertsPage } from '../../../store/alerts.repo.ts';
import { ASSET_CODE } from '../../../store/assets.repo.ts';
import { builder } from '../../builder.ts';
import type { ApiContext } from '../../context.ts';
import { AlertSeverityEnum, DeviceTypeEnum } from '../../enums.ts';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../pagination.ts';
import { AreaInput, areaOrCity } from '../area-input.ts';
import { Alert, AlertStateEnum } from './alert.ts';

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
}));
