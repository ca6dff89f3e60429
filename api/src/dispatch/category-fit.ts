// Which case categories fit an asset: a category names the asset kinds it is about (case_categories.asset_kinds),
// so a report made from an asset's plate offers, and accepts, only those. Pure.
import type { CategoryRow } from '../store/case-categories.repo.ts';

type Category = Pick<CategoryRow, 'asset_kinds'>;

/** Whether a case of this category can be about an asset of this kind. */
export const fitsAssetKind = (category: Category, assetKind: string): boolean =>
  category.asset_kinds.includes(assetKind);

/** The categories open to citizens that fit an asset of this kind, in their order. */
export const citizenCategoriesFor = <C extends Category & Pick<CategoryRow, 'citizen'>>(
  categories: readonly C[],
  assetKind: string,
): C[] => categories.filter((c) => c.citizen && fitsAssetKind(c, assetKind));
