import { describe, expect, it } from 'vitest';
import type { AreaChoice } from '../analyst/contract.ts';
import {
  ALERT_TREND_QUERY,
  AREA_STATS_QUERY,
  alertsBody,
  assetsBody,
  CASE_TREND_QUERY,
  contentDispositionFilename,
  isAreaError,
  trendVariables,
} from './analysis.ts';
import { ApiError, errorCode } from './http.ts';

const street: AreaChoice = { kind: 'code', code: '440304001', level: 'street' };
const drawn: AreaChoice = {
  kind: 'polygon',
  source: 'drawn',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [114, 22.5],
        [114.1, 22.5],
        [114.1, 22.6],
        [114, 22.5],
      ],
    ],
  },
};

describe('contentDispositionFilename', () => {
  it('prefers the UTF-8 name', () => {
    expect(
      contentDispositionFilename(
        `attachment; filename="assets.csv"; filename*=UTF-8''${encodeURIComponent('资产清单-福田区.csv')}`,
      ),
    ).toBe('资产清单-福田区.csv');
  });

  it('reads a quoted or bare name', () => {
    expect(contentDispositionFilename('attachment; filename="alerts 2026.geojson"')).toBe(
      'alerts 2026.geojson',
    );
    expect(contentDispositionFilename('attachment; filename=assets.csv')).toBe('assets.csv');
    expect(contentDispositionFilename('attachment; filename="a\\"b.csv"')).toBe('a"b.csv');
  });

  it('drops any folder part and ignores a header without a name', () => {
    expect(contentDispositionFilename('attachment; filename="../../etc/x.csv"')).toBe('x.csv');
    expect(contentDispositionFilename('attachment')).toBeNull();
    expect(contentDispositionFilename(null)).toBeNull();
  });

  it('falls back to the plain name when the extended one is malformed', () => {
    expect(contentDispositionFilename(`attachment; filename*=UTF-8''%E8%ZZ; filename="a.csv"`)).toBe('a.csv');
  });
});

describe('request bodies', () => {
  it('sends the area as AreaInput and leaves out "all kinds"', () => {
    expect(assetsBody({ area: street, kinds: [], sort: { by: 'code', dir: 'asc' } }, 'json')).toEqual({
      area: { code: '440304001' },
      sort: { by: 'code', dir: 'asc' },
      format: 'json',
    });
  });

  it('adds kinds and the language of an export', () => {
    expect(
      assetsBody({ area: drawn, kinds: ['BUILDING'], sort: { by: 'heightM', dir: 'desc' } }, 'csv', 'zh-CN'),
    ).toEqual({
      area: { polygon: drawn.kind === 'polygon' ? drawn.geometry : null },
      kinds: ['BUILDING'],
      sort: { by: 'heightM', dir: 'desc' },
      format: 'csv',
      lang: 'zh-CN',
    });
  });

  it('sends the range of the alert list', () => {
    expect(
      alertsBody(
        { area: street, from: '2026-11-14T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' },
        'geojson',
        'en',
      ),
    ).toEqual({
      area: { code: '440304001' },
      from: '2026-11-14T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
      format: 'geojson',
      lang: 'en',
    });
  });
});

describe('GraphQL documents', () => {
  it('ask for the fields the panels show', () => {
    for (const field of [
      'floorAreaM2',
      'deviceOnlineRate',
      'openAlertsBySeverity',
      'caseOnTimeRate',
      'byKind',
    ]) {
      expect(AREA_STATS_QUERY).toContain(field);
    }
    expect(ALERT_TREND_QUERY).toMatch(/prev: alertTrend[\s\S]*yoy: alertTrend/);
    expect(CASE_TREND_QUERY).toMatch(/prev: caseTrend[\s\S]*yoy: caseTrend/);
  });

  it('get the three periods as variables', () => {
    const p = (from: string, to: string) => ({ from, to });
    expect(
      trendVariables(street, { now: p('c', 'd'), prev: p('b', 'c'), yoy: p('a', 'b'), interval: 'DAY' }),
    ).toEqual({
      area: { code: '440304001' },
      interval: 'DAY',
      from: 'c',
      to: 'd',
      prevFrom: 'b',
      prevTo: 'c',
      yoyFrom: 'a',
      yoyTo: 'b',
    });
  });
});

describe('errors', () => {
  it('tells area errors from others', () => {
    expect(isAreaError(new ApiError('OUT_OF_SERVICE_AREA', 'x'))).toBe(true);
    expect(isAreaError(new ApiError('INVALID_GEOMETRY', 'x'))).toBe(true);
    expect(isAreaError(new ApiError('HTTP_500', 'x'))).toBe(false);
    expect(isAreaError(new Error('x'))).toBe(false);
    expect(errorCode(new ApiError('NETWORK', 'x'))).toBe('NETWORK');
  });
});
