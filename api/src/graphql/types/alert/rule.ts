// Alert rules: the AlertRule type and Query.alertRules (their changes are in mutations.ts).
import { listRules, type RuleFullRow } from '../../../store/alerts.repo.ts';
import { builder } from '../../builder.ts';
import { DeviceTypeEnum } from '../../enums.ts';

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

builder.queryField('alertRules', (t) =>
  t.field({
    type: [AlertRule],
    description: 'Every alert rule, with its citation.',
    resolve: (_root, _args, ctx) => listRules(ctx.db),
  }),
);
