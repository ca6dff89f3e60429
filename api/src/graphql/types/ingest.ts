// Mutation.ingestReadings: the same path as POST /ingest, for systems that only speak GraphQL.
import { DomainError } from '../../domain-error.ts';
import { REJECT_REASONS } from '../../ingest/reading-items.ts';
import { insertAudit } from '../../store/audit.repo.ts';
import { builder } from '../builder.ts';

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
