import { describe, expect, it } from 'vitest';
import { citizenCategoriesFor, fitsAssetKind } from './category-fit.ts';

const category = (code: string, asset_kinds: string[], citizen = true) => ({ code, asset_kinds, citizen });
const CATEGORIES = [
  category('BJ0103', []),
  category('BJ0107', ['street_lamp']),
  category('BJ0501', ['building']),
  category('SJ0502', ['building']),
  category('SJ0601', ['building', 'street_lamp'], false),
  category('SJ0699', ['building', 'street_lamp', 'slope']),
];

describe('categories that fit an asset', () => {
  it('offer a building its building categories and "other", not lamps or manhole covers', () => {
    expect(citizenCategoriesFor(CATEGORIES, 'building').map((c) => c.code)).toEqual([
      'BJ0501',
      'SJ0502',
      'SJ0699',
    ]);
  });

  it('offer a street lamp its lamp category, and leave out what citizens cannot report', () => {
    expect(citizenCategoriesFor(CATEGORIES, 'street_lamp').map((c) => c.code)).toEqual(['BJ0107', 'SJ0699']);
  });

  it('fit no asset with a category about none (reported by place)', () => {
    expect(fitsAssetKind(CATEGORIES[0]!, 'building')).toBe(false);
    expect(fitsAssetKind(CATEGORIES[1]!, 'street_lamp')).toBe(true);
    expect(citizenCategoriesFor(CATEGORIES, 'castle')).toEqual([]);
  });
});
