// One node type per asset kind, implementing Asset, with the kind's attributes read from its row.
import type { AssetKind } from '../../../domain/codes.ts';
import { type AssetRow, findAssetsByIds } from '../../../store/assets.repo.ts';
import { builder, type SchemaTypes } from '../../builder.ts';
import { Asset, TYPE_NAMES } from './asset.ts';

type AttrBuilder = PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, AssetRow>;

export function assetNode(
  kind: AssetKind,
  description: string,
  fields: (t: AttrBuilder) => Record<string, unknown>,
) {
  const ref = builder.loadableNodeRef<AssetRow, string, string>(TYPE_NAMES[kind], {
    id: { resolve: (a) => a.id },
    load: async (ids: string[], ctx) => {
      const numeric = ids.map(Number).filter(Number.isSafeInteger);
      return (await findAssetsByIds(ctx.db, ctx.scope, numeric)).filter((a) => a.kind === kind);
    },
    sort: (a) => String(a.id),
  });
  ref.implement({
    description,
    interfaces: [Asset],
    isTypeOf: (value) => (value as AssetRow).kind === kind,
    fields: fields as never,
  });
  return ref;
}

export const attr = <T>(key: string) => ({ resolve: (a: AssetRow) => a.attrs[key] as T });
