import { describe, expect, it } from 'vitest';
import type { AnalystState } from './contract.ts';
import { decodeState, defaultState, encodeState, presetRange } from './url-state.ts';

const now = new Date('2026-11-21T01:30:45.123Z');

describe('presetRange', () => {
  it('ends at the current whole minute', () => {
    expect(presetRange('24h', now)).toEqual({
      from: '2026-11-20T01:30:00.000Z',
      to: '2026-11-21T01:30:00.000Z',
      preset: '24h',
    });
    expect(presetRange('7d', now).from).toBe('2026-11-14T01:30:00.000Z');
  });
});

describe('decodeState', () => {
  it('gives the defaults for an empty query', () => {
    expect(decodeState('', now)).toEqual(defaultState(now));
    expect(decodeState('', now).range.preset).toBe('30d');
    expect(decodeState('', now).layers).toEqual(['areas', 'buildings', 'alerts']);
  });

  it('reads every parameter', () => {
    const s = decodeState(
      '?lang=en&area=code:440304:district&range=7d&layers=areas,density&extrude=1&kinds=SLOPE,BUILDING&sort=heightM:desc&sel=BD-440304-000123&view=114.05,22.55,12.5',
      now,
    );
    expect(s).toEqual<AnalystState>({
      area: { kind: 'code', code: '440304', level: 'district' },
      range: presetRange('7d', now),
      layers: ['areas', 'density'],
      extrude: true,
      kinds: ['BUILDING', 'SLOPE'],
      sort: { by: 'heightM', dir: 'desc' },
      selected: 'BD-440304-000123',
      view: { lon: 114.05, lat: 22.55, zoom: 12.5 },
    });
  });

  it('reads a custom range (from/to win over range=)', () => {
    const s = decodeState('?range=7d&from=2026-11-01T00:00:00%2B08:00&to=2026-11-21T16:00:00.000Z', now);
    expect(s.range).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-21T16:00:00.000Z',
      preset: 'custom',
    });
    // An unencoded "+" arrives as a space.
    expect(
      decodeState('?from=2026-11-01T00:00:00+08:00&to=2026-11-02T00:00:00+08:00', now).range.preset,
    ).toBe('custom');
  });

  it('falls back to the defaults for bad values, never throwing', () => {
    const d = defaultState(now);
    const s = decodeState(
      '?area=code:44%20;x:district&range=2w&from=yesterday&to=2026-11-21T00:00:00Z&layers=nope&extrude=yes&kinds=CAR&sort=colour:up&sel=<b>&view=114,95,12',
      now,
    );
    expect(s).toEqual(d);
    expect(decodeState('?area=code:440304:planet', now).area).toBeNull();
    expect(decodeState('?area=poly:1,2;3', now).area).toBeNull();
    expect(decodeState('?area=poly:abc', now).area).toBeNull();
    expect(decodeState('?view=1,2', now).view).toBeNull();
    expect(decodeState('?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z', now).range.preset).toBe('30d');
    expect(decodeState('?sort=name', now).sort).toEqual({ by: 'name', dir: 'asc' });
  });

  it('keeps the known layers of a mixed list and allows none', () => {
    expect(decodeState('?layers=foo,slopes,areas', now).layers).toEqual(['areas', 'slopes']);
    expect(decodeState('?layers=', now).layers).toEqual([]);
  });

  it('refuses a polygon that fails the area checks (self-intersecting)', () => {
    const bowTie = 'poly:114.05,22.55;114.06,22.56;114.06,22.55;114.05,22.56;114.05,22.55';
    expect(decodeState(`?area=${bowTie}`, now).area).toBeNull();
  });
});

describe('encodeState', () => {
  it('writes nothing for the defaults and keeps lang', () => {
    expect(encodeState(defaultState(now), '')).toBe('');
    expect(encodeState(defaultState(now), '?lang=en&view=1,2,3')).toBe('?lang=en');
  });

  it('round-trips a drawn polygon with a hole, 6 decimals', () => {
    const state: AnalystState = {
      ...defaultState(now),
      area: {
        kind: 'polygon',
        source: 'drawn',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [114.0500001, 22.55],
              [114.07, 22.55],
              [114.07, 22.57],
              [114.05, 22.57],
              [114.0500001, 22.55],
            ],
            [
              [114.055, 22.555],
              [114.055, 22.56],
              [114.06, 22.56],
              [114.055, 22.555],
            ],
          ],
        },
      },
    };
    const search = encodeState(state, '');
    expect(search).toBe(
      '?area=poly:114.05,22.55;114.07,22.55;114.07,22.57;114.05,22.57;114.05,22.55|114.055,22.555;114.055,22.56;114.06,22.56;114.055,22.555&src=draw',
    );
    const back = decodeState(search, now).area;
    expect(back?.kind === 'polygon' && back.source).toBe('drawn');
    expect(back?.kind === 'polygon' && back.geometry.type).toBe('Polygon');
  });

  it('round-trips a MultiPolygon from a file', () => {
    const ring = (x: number, x2: number): GeoJSON.Position[] => [
      [x, 22.55],
      [x2, 22.55],
      [x2, 22.56],
      [x, 22.55],
    ];
    const state: AnalystState = {
      ...defaultState(now),
      area: {
        kind: 'polygon',
        source: 'file',
        geometry: { type: 'MultiPolygon', coordinates: [[ring(114.05, 114.06)], [ring(114.2, 114.21)]] },
      },
    };
    const search = encodeState(state, '');
    expect(search).toContain('~');
    expect(search).toContain('src=file');
    expect(decodeState(search, now).area).toEqual(state.area);
  });

  it('round-trips everything else', () => {
    const state: AnalystState = {
      area: { kind: 'code', code: '440304001', level: 'street' },
      range: { from: '2026-10-31T16:00:00.000Z', to: '2026-11-21T16:00:00.000Z', preset: 'custom' },
      layers: ['alerts', 'areas', 'density'],
      extrude: true,
      kinds: ['GAS_PIPELINE', 'BUILDING'],
      sort: { by: 'alertSeverity', dir: 'desc' },
      selected: 'BD-440304-000123',
      view: { lon: 114.0512345, lat: 22.5512345, zoom: 12.3456 },
    };
    const search = encodeState(state, '?lang=en&lite=1');
    expect(search).toBe(
      '?lang=en&lite=1&area=code:440304001:street&from=2026-10-31T16:00:00.000Z&to=2026-11-21T16:00:00.000Z&layers=areas,alerts,density&extrude=1&kinds=BUILDING,GAS_PIPELINE&sort=alertSeverity:desc&sel=BD-440304-000123&view=114.05123,22.55123,12.35',
    );
    expect(decodeState(search, now)).toEqual({
      ...state,
      layers: ['areas', 'alerts', 'density'],
      kinds: ['BUILDING', 'GAS_PIPELINE'],
      view: { lon: 114.05123, lat: 22.55123, zoom: 12.35 },
    });
  });

  it('writes a preset other than the default, and an empty layer list', () => {
    const state = { ...defaultState(now), range: presetRange('90d', now), layers: [] };
    expect(encodeState(state, '')).toBe('?range=90d&layers=');
    expect(decodeState('?range=90d&layers=', now)).toEqual(state);
  });
});
