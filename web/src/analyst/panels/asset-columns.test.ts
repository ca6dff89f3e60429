import { describe, expect, it } from 'vitest';
import { ASSET_COLUMNS, ariaSort, nextSort } from './asset-columns.ts';

describe('asset table sorting', () => {
  it('turns the current column round', () => {
    expect(nextSort({ by: 'name', dir: 'asc' }, 'name')).toEqual({ by: 'name', dir: 'desc' });
    expect(nextSort({ by: 'name', dir: 'desc' }, 'name')).toEqual({ by: 'name', dir: 'asc' });
  });

  it('starts a new column ascending, or worst and largest first', () => {
    expect(nextSort({ by: 'name', dir: 'desc' }, 'code')).toEqual({ by: 'code', dir: 'asc' });
    expect(nextSort({ by: 'name', dir: 'asc' }, 'alertSeverity')).toEqual({
      by: 'alertSeverity',
      dir: 'desc',
    });
    expect(nextSort({ by: 'name', dir: 'asc' }, 'heightM')).toEqual({ by: 'heightM', dir: 'desc' });
  });

  it('marks only the sorted column for assistive technology', () => {
    expect(ariaSort({ by: 'floors', dir: 'desc' }, 'floors')).toBe('descending');
    expect(ariaSort({ by: 'floors', dir: 'asc' }, 'floors')).toBe('ascending');
    expect(ariaSort({ by: 'floors', dir: 'asc' }, 'code')).toBe('none');
  });

  it('has one column per sort key, in the order the brief lists them', () => {
    expect(ASSET_COLUMNS.map((c) => c.sort)).toEqual([
      'code',
      'name',
      'kind',
      'district',
      'street',
      'grade',
      'floors',
      'heightM',
      'alertSeverity',
    ]);
  });
});
