// Query.asset (a scanned QR plate) and Query.assets (a filtered page).
import type { AssetKind } from '../../../domain/codes.ts';
import { DomainError } from '../../../domain-error.ts';
import { toAssetQuery } from '../../../search/asset-filter.ts';
import { countAssets, findAssetByCode, findAssetsPage } from '../../../store/assets.repo.ts';
import { builder } from '../../builder.ts';
import { AssetKindEnum, LampStatusEnum, RiskGradeEnum, SafetyGradeEnum, SiteStageEnum } from '../../enums.ts';
import { decodeNumberCursor, encodeCursor, pageSize, toConnection } from '../../pagination.ts';
import { AreaInput, areaOrCity } from '../area-input.ts';
import { Asset } from './asset.ts';

const AssetFilter = builder.inputType('AssetFilter', {
  description:
    'All given conditions must hold. Attribute filters imply their kind (safety grade → buildings).',
  fields: (t) => ({
    kinds: t.field({ type: [AssetKindEnum] }),
    area: t.field({ type: AreaInput }),
    text: t.string({ description: 'Part of the code or name.' }),
    safetyGrades: t.field({ type: [SafetyGradeEnum] }),
    selfBuilt: t.boolean(),
    floorsMin: t.int(),
    floorsMax: t.int(),
    riskGrades: t.field({ type: [RiskGradeEnum] }),
    lampStatuses: t.field({ type: [LampStatusEnum] }),
    siteStages: t.field({ type: [SiteStageEnum] }),
  }),
});

builder.queryField('asset', (t) =>
  t.field({
    type: Asset,
    description: 'The asset a scanned QR plate resolves to; NOT_FOUND when the code is unknown.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, { code }, ctx) => {
      const normal = code.trim().toUpperCase();
      const row = normal.length <= 40 ? await findAssetByCode(ctx.db, ctx.scope, normal) : null;
      if (!row) throw new DomainError('NOT_FOUND', `no asset has the code ${code.slice(0, 40)}`);
      return row;
    },
  }),
);

builder.queryField('assets', (t) =>
  t.connection(
    {
      type: Asset,
      description: 'Assets matching a filter, in id order.',
      args: { filter: t.arg({ type: AssetFilter }) },
      complexity: (args) => ({ field: 2, multiplier: args.first ?? 50 }),
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) {
          throw new DomainError('INVALID_INPUT', 'assets pages forward only: use first and after');
        }
        const limit = pageSize(args.first);
        const afterId = decodeNumberCursor('asset', args.after);
        const filter = args.filter ?? {};
        const query = toAssetQuery(
          { ...filter, kinds: filter.kinds as AssetKind[] | null | undefined },
          await areaOrCity(ctx, filter.area),
        );
        const rows = await findAssetsPage(ctx.db, ctx.scope, query, afterId, limit + 1);
        return toConnection(
          rows,
          limit,
          (r) => encodeCursor('asset', r.id),
          afterId > 0,
          () => countAssets(ctx.db, ctx.scope, query),
        );
      },
    },
    { name: 'AssetConnection' },
    { name: 'AssetEdge' },
  ),
);
