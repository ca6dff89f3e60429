// Query.cases: cases in an area by state, category, source, deadline, unit and text.
import { DomainError } from '../../../domain-error.ts';
import { type CaseFilter, countCases, findCasesPage } from '../../../store/cases.repo.ts';
import { builder } from '../../builder.ts';
import type { ApiContext } from '../../context.ts';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../../pagination.ts';
import { AreaInput, areaOrCity } from '../area-input.ts';
import { viewerOf } from './actor.ts';
import { Case } from './case.ts';
import { CaseSourceEnum, CaseStateEnum } from './enums.ts';

const CaseFilterInput = builder.inputType('CaseFilter', {
  fields: (t) => ({
    area: t.field({ type: AreaInput, description: 'Default: the whole city (your area).' }),
    states: t.field({ type: [CaseStateEnum] }),
    categories: t.stringList(),
    sources: t.field({ type: [CaseSourceEnum] }),
    overdue: t.boolean({ description: 'Only cases past their stage deadline.' }),
    unitCode: t.string(),
    text: t.string({ description: 'A tracking number, or words of the description or address.' }),
    order: t.string({ description: '"due" (soonest deadline first, the default) or "new" (newest first).' }),
  }),
});

async function toFilter(
  ctx: ApiContext,
  input: typeof CaseFilterInput.$inferInput | null | undefined,
): Promise<CaseFilter> {
  const nonEmpty = <T>(list: readonly T[] | null | undefined) => (list && list.length > 0 ? [...list] : null);
  const order = input?.order ?? 'due';
  if (order !== 'due' && order !== 'new') throw new DomainError('INVALID_INPUT', 'order: "due" or "new"');
  const text = input?.text?.replaceAll('\u0000', '').trim() ?? '';
  if (text.length > 100) throw new DomainError('LIMIT_EXCEEDED', 'text: at most 100 characters');
  return {
    area: await areaOrCity(ctx, input?.area),
    states: nonEmpty(input?.states),
    categories: nonEmpty(input?.categories),
    sources: nonEmpty(input?.sources),
    overdueOnly: input?.overdue ?? false,
    unitCode: input?.unitCode ?? null,
    text: text.length > 0 ? text.replace(/[%_\\]/g, (m) => `\\${m}`) : null,
    order,
  };
}

builder.queryFields((t) => ({
  cases: t.connection({
    type: Case,
    description: 'Cases in an area (a unit handler: their unit’s), soonest deadline first by default.',
    args: { filter: t.arg({ type: CaseFilterInput }) },
    complexity: (args) => ({ field: 5, multiplier: args.first ?? 50 }),
    resolve: async (_root, args, ctx) => {
      if (args.last != null || args.before != null)
        throw new DomainError('INVALID_INPUT', 'page forwards with first/after');
      const limit = pageSize(args.first);
      const filter = await toFilter(ctx, args.filter);
      const key = decodeCursor('case', args.after);
      let after: { key: number; id: number } | null = null;
      if (key !== null) {
        const m = /^(-?[0-9.e+]{1,24}):(\d{1,15})$/.exec(key);
        if (!m || !Number.isFinite(Number(m[1])))
          throw new DomainError('INVALID_INPUT', '"after" is not a case cursor');
        after = { key: Number(m[1]), id: Number(m[2]) };
      }
      const now = new Date();
      const rows = await findCasesPage(ctx.db, viewerOf(ctx), filter, now, after, limit + 1);
      return toConnection(
        rows,
        limit,
        (c) => encodeCursor('case', `${c.sort_key}:${c.id}`),
        after !== null,
        () => countCases(ctx.db, viewerOf(ctx), filter, now),
      );
    },
  }),
}));
