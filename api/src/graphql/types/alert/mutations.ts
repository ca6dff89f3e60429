// What people do to alerts and rules: acknowledging, escalating, creating and changing rules. The service
// publishes the alert events each change commits.
import {
  type AlertDeps,
  acknowledgeAlert,
  changeRule,
  createRule,
  escalateAlert,
} from '../../../alerts/alerts.service.ts';
import { findAlertsByIds } from '../../../store/alerts.repo.ts';
import { builder } from '../../builder.ts';
import type { ApiContext } from '../../context.ts';
import { DeviceTypeEnum } from '../../enums.ts';
import { parseNodeId } from '../../node-id.ts';
import { Alert } from './alert.ts';
import { AlertRule } from './rule.ts';

const alertDeps = (ctx: ApiContext): AlertDeps => ({ pool: ctx.pool, events: ctx.live.events });

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
