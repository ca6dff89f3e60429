// Mutation.createCase and transitionCase. The service publishes the case events each one commits.
import { createCase, duplicateCandidates, transitionCase } from '../../../dispatch/case.service.ts';
import { DomainError } from '../../../domain-error.ts';
import { type CaseRow, findCasesByIds } from '../../../store/cases.repo.ts';
import { builder } from '../../builder.ts';
import type { ApiContext } from '../../context.ts';
import { parseNodeId } from '../../node-id.ts';
import { caseActor, caseDeps, viewerOf } from './actor.ts';
import { Case, Duplicate } from './case.ts';
import { CaseActionEnum, CaseSourceEnum, CaseUrgencyEnum } from './enums.ts';

const LocationInput = builder.inputType('LonLatInput', {
  fields: (t) => ({ lon: t.float({ required: true }), lat: t.float({ required: true }) }),
});

const CreateCaseInput = builder.inputType('CreateCaseInput', {
  fields: (t) => ({
    source: t.field({ type: CaseSourceEnum, required: true }),
    alertId: t.id({
      description: 'For source ALERT: the alert (its location, asset and evidence are taken).',
    }),
    category: t.string({ description: 'A category code; for ALERT the default follows the device type.' }),
    urgency: t.field({ type: CaseUrgencyEnum }),
    description: t.string({ required: true }),
    location: t.field({ type: LocationInput, description: 'WGS84 longitude, latitude.' }),
    assetCode: t.string({ description: 'Or the asset’s code (一栋一码): the case is placed on it.' }),
    address: t.string(),
    reporterName: t.string(),
    reporterPhone: t.string(),
    attachments: t.stringList({ description: 'Ids from POST /attachments.' }),
  }),
});

const CreateCasePayload = builder
  .objectRef<{ caseRow: CaseRow; duplicates: (CaseRow & { distance_m: number })[] }>('CreateCasePayload')
  .implement({
    fields: (t) => ({
      case: t.field({ type: Case, resolve: (p) => p.caseRow }),
      duplicates: t.field({
        type: [Duplicate],
        description: 'Open cases of the same category within 50 m, to merge into (MERGE).',
        resolve: (p) => p.duplicates,
      }),
    }),
  });

async function reload(ctx: ApiContext, id: number): Promise<CaseRow> {
  const [row] = await findCasesByIds(ctx.db, viewerOf(ctx), [id]);
  if (!row) throw new DomainError('NOT_FOUND', `case ${id} is no longer visible to you`);
  return row;
}

builder.mutationFields((t) => ({
  createCase: t.field({
    type: CreateCasePayload,
    authScopes: { anyPermission: ['cases:dispatch', 'alerts:handle'] },
    description:
      'File a case. From an alert it is registered at once; a patrol or hotline case is accepted at once; others wait for acceptance.',
    args: { input: t.arg({ type: CreateCaseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await createCase(caseDeps(ctx), caseActor(ctx), {
        source: input.source,
        categoryCode: input.category ?? null,
        urgency: input.urgency ?? null,
        description: input.description,
        address: input.address ?? null,
        location: input.location ?? null,
        assetCode: input.assetCode ?? null,
        alertId: input.alertId == null ? null : parseNodeId(input.alertId, 'Alert'),
        reporterName: input.reporterName ?? null,
        reporterPhone: input.reporterPhone ?? null,
        attachments: input.attachments ?? [],
      });
      const caseRow = await reload(ctx, result.caseId);
      const duplicates = await duplicateCandidates(ctx.db, ctx.scope, {
        lon: caseRow.lon,
        lat: caseRow.lat,
        category: caseRow.category_code,
        except: caseRow.id,
      });
      return { caseRow, duplicates };
    },
  }),
  transitionCase: t.field({
    type: Case,
    authScopes: { anyPermission: ['cases:dispatch', 'cases:handle'] },
    description:
      'Take one workflow step. `version` is the one you read: if someone acted in between you get CONFLICT and nothing changes.',
    args: {
      id: t.arg.id({ required: true }),
      action: t.arg({ type: CaseActionEnum, required: true }),
      version: t.arg.int({ required: true }),
      comment: t.arg.string(),
      unitCode: t.arg.string({ description: 'DISPATCH: the unit.' }),
      attachments: t.arg.stringList({ description: 'Ids from POST /attachments (photos of the result).' }),
      extensionMinutes: t.arg.int({ description: 'REQUEST_EXTENSION: how much more time, in minutes.' }),
      mergeInto: t.arg.id({ description: 'MERGE: the case this one repeats.' }),
    },
    resolve: async (_root, args, ctx) => {
      const id = parseNodeId(args.id, 'Case');
      await transitionCase(caseDeps(ctx), caseActor(ctx), {
        id,
        action: args.action,
        version: args.version,
        input: {
          comment: args.comment ?? null,
          unitCode: args.unitCode ?? null,
          attachments: args.attachments ?? [],
          extensionMinutes: args.extensionMinutes ?? null,
          mergeInto: args.mergeInto == null ? null : parseNodeId(args.mergeInto, 'Case'),
        },
      });
      return reload(ctx, id);
    },
  }),
}));
