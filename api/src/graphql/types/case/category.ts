// Case categories (部件 and 事件) with their deadlines, and Query.caseCategories.
import type { CategoryRow } from '../../../store/case-categories.repo.ts';
import { builder } from '../../builder.ts';

export const CaseCategory = builder.objectRef<CategoryRow>('CaseCategory').implement({
  description: '部件 (BJ) and 事件 (SJ) categories in the CJ/T 214 manner, with minutes per stage.',
  fields: (t) => ({
    code: t.exposeString('code'),
    kind: t.exposeString('kind', { description: 'component (部件) or event (事件).' }),
    name: t.exposeString('name_zh'),
    nameEn: t.exposeString('name_en'),
    requiresEvidence: t.exposeBoolean('requires_evidence', {
      description: 'Handled needs at least one photo.',
    }),
    naturalTime: t.exposeBoolean('natural_time', {
      description: 'Deadlines in natural rather than working time.',
    }),
    citizen: t.exposeBoolean('citizen', { description: 'Offered on the citizen page and Open311.' }),
    unitKinds: t.exposeStringList('unit_kinds'),
    deadlines: t.field({
      type: 'JSON',
      description:
        '{"normal": {stage: minutes}, "urgent": {…}}; stages accept, register, dispatch, handle, verify, close.',
      resolve: (c) => c.deadlines,
    }),
  }),
});

builder.queryField('caseCategories', (t) =>
  t.field({
    type: [CaseCategory],
    resolve: async (_root, _args, ctx) => [...(await ctx.caseCategories()).values()],
  }),
);
