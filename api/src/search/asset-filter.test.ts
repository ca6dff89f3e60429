import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import type { ErrorCode } from '../domain-error.ts';
import { type ResolvedArea, WHOLE_CITY } from '../store/area-params.ts';
import type { AssetQuery } from '../store/assets.repo.ts';
import { type AssetFilterValue, likePattern, MAX_TEXT_LENGTH, toAssetQuery } from './asset-filter.ts';

const AREA: ResolvedArea = { kind: 'circle', lon: 114.05, lat: 22.55, radiusM: 1_000 };
const EMPTY: AssetQuery = {
  area: AREA,
  kinds: null,
  namePattern: null,
  safetyGrades: null,
  selfBuilt: null,
  floorsMin: null,
  floorsMax: null,
  riskGrades: null,
  lampStatuses: null,
  siteStages: null,
};

describe('likePattern', () => {
  it.each([
    ['东门', '%东门%'],
    ['', '%%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['C:\\dir', '%C:\\\\dir%'],
    ['%_\\', '%\\%\\_\\\\%'],
  ])('%j → %j', (text, pattern) => {
    expect(likePattern(text)).toBe(pattern);
  });
});

describe('toAssetQuery', () => {
  it.each<[string, AssetFilterValue, Partial<AssetQuery>]>([
    ['an empty filter', {}, {}],
    ['an all-null filter', { kinds: null, text: null, selfBuilt: null, floorsMin: null }, {}],
    ['blank text', { text: '   ' }, {}],
    ['text, trimmed and escaped', { text: ' 100%_东门 ' }, { namePattern: '%100\\%\\_东门%' }],
    [
      'text of MAX_TEXT_LENGTH',
      { text: 'x'.repeat(MAX_TEXT_LENGTH) },
      { namePattern: `%${'x'.repeat(MAX_TEXT_LENGTH)}%` },
    ],
    [
      'text over the limit only by surrounding spaces',
      { text: ` ${'x'.repeat(MAX_TEXT_LENGTH)} ` },
      { namePattern: `%${'x'.repeat(MAX_TEXT_LENGTH)}%` },
    ],
    [
      'building filters with kinds including building',
      { kinds: ['building', 'slope'], safetyGrades: ['C', 'D'], selfBuilt: true, floorsMin: 3, floorsMax: 3 },
      { kinds: ['building', 'slope'], safetyGrades: ['C', 'D'], selfBuilt: true, floorsMin: 3, floorsMax: 3 },
    ],
    ['selfBuilt false (a filter, not "any")', { selfBuilt: false }, { selfBuilt: false }],
    ['floors at the bounds', { floorsMin: 1, floorsMax: 200 }, { floorsMin: 1, floorsMax: 200 }],
    ['slope filters alone', { riskGrades: ['HIGH'] }, { riskGrades: ['HIGH'] }],
    [
      'street-lamp filters with kinds',
      { kinds: ['street_lamp'], lampStatuses: ['FAULT'] },
      { kinds: ['street_lamp'], lampStatuses: ['FAULT'] },
    ],
    ['construction-site filters', { siteStages: ['PILING'] }, { siteStages: ['PILING'] }],
  ])('passes through %s', (_name, filter, expected) => {
    const query = toAssetQuery(filter, AREA);
    expect(query).toEqual({ ...EMPTY, ...expected });
    expect(query.area).toBe(AREA);
  });

  it('keeps the area it is given', () => {
    expect(toAssetQuery({}, WHOLE_CITY).area).toBe(WHOLE_CITY);
  });

  it.each<[string, AssetFilterValue, ErrorCode, RegExp]>([
    [
      'text over MAX_TEXT_LENGTH',
      { text: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
      'LIMIT_EXCEEDED',
      new RegExp(`text may be at most ${MAX_TEXT_LENGTH} characters`),
    ],
    ['an empty kinds list', { kinds: [] }, 'INVALID_INPUT', /kinds is empty; leave it out to match all/],
    ['an empty safetyGrades list', { safetyGrades: [] }, 'INVALID_INPUT', /safetyGrades is empty/],
    ['an empty siteStages list', { siteStages: [] }, 'INVALID_INPUT', /siteStages is empty/],
    [
      'floorsMin > floorsMax',
      { floorsMin: 10, floorsMax: 5 },
      'INVALID_INPUT',
      /floorsMin is greater than floorsMax/,
    ],
    ['floorsMin 0', { floorsMin: 0 }, 'INVALID_INPUT', /floorsMin must be a whole number between 1 and 200/],
    [
      'floorsMin negative',
      { floorsMin: -3 },
      'INVALID_INPUT',
      /floorsMin must be a whole number between 1 and 200/,
    ],
    [
      'floorsMax 201',
      { floorsMax: 201 },
      'INVALID_INPUT',
      /floorsMax must be a whole number between 1 and 200/,
    ],
    ['floorsMin NaN', { floorsMin: Number.NaN }, 'INVALID_INPUT', /floorsMin must be a whole number/],
    ['floorsMin 2.5', { floorsMin: 2.5 }, 'INVALID_INPUT', /floorsMin must be a whole number/],
    [
      'building and slope filters together',
      { safetyGrades: ['D'], riskGrades: ['HIGH'] },
      'INVALID_INPUT',
      /attribute filters of different kinds \(building, slope\) cannot match the same asset/,
    ],
    [
      'selfBuilt with lamp statuses',
      { selfBuilt: false, lampStatuses: ['FAULT'] },
      'INVALID_INPUT',
      /different kinds \(building, street_lamp\)/,
    ],
    [
      'a building filter with kinds leaving out building',
      { kinds: ['slope', 'street_lamp'], floorsMin: 3 },
      'INVALID_INPUT',
      /the attribute filters are for building, which kinds leaves out/,
    ],
    [
      'a slope filter with kinds leaving out slope',
      { kinds: ['building'], riskGrades: ['HIGH'] },
      'INVALID_INPUT',
      /for slope, which kinds leaves out/,
    ],
  ])('rejects %s', (_name, filter, code, message) => {
    const error = thrown(() => toAssetQuery(filter, AREA));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
