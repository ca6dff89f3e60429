import { describe, expect, it } from 'vitest';
import type { AreaChoice, TimeRange } from '../contract.ts';
import { districtOf, tileJsonUrl } from './tile-sources.ts';

const range: TimeRange = { from: '2026-10-22T01:30:00.000Z', to: '2026-11-21T01:30:00.000Z', preset: '30d' };

describe('tileJsonUrl', () => {
  it('gives each layer its filters', () => {
    expect(tileJsonUrl('areas', { area: null, range })).toBe('/tiles/areas.json?level=district');
    expect(tileJsonUrl('alerts', { area: null, range })).toBe(
      '/tiles/alerts.json?from=2026-10-22T01%3A30%3A00.000Z&to=2026-11-21T01%3A30%3A00.000Z',
    );
    expect(tileJsonUrl('buildings', { area: null, range })).toBe('/tiles/buildings.json');
    const street = { kind: 'code', code: '440304001', level: 'street' } as const;
    expect(tileJsonUrl('lamps', { area: street, range })).toBe('/tiles/lamps.json?district=440304');
    expect(tileJsonUrl('alerts', { area: street, range })).toMatch(
      /^\/tiles\/alerts\.json\?district=440304&from=/,
    );
    const drawn: AreaChoice = {
      kind: 'polygon',
      source: 'drawn',
      geometry: { type: 'Polygon', coordinates: [] },
    };
    expect(tileJsonUrl('areas', { area: drawn, range })).toBe('/tiles/areas.json?level=district');
    expect(tileJsonUrl('sites', { area: drawn, range })).toBe('/tiles/sites.json');
  });
});

describe('districtOf', () => {
  it('reads the district from nested codes only', () => {
    expect(districtOf({ kind: 'code', code: '440304', level: 'district' })).toBe('440304');
    expect(districtOf({ kind: 'code', code: '440304001', level: 'street' })).toBe('440304');
    expect(districtOf({ kind: 'code', code: '440304001C02', level: 'community' })).toBe('440304');
    expect(districtOf({ kind: 'code', code: '440304001C02G003', level: 'grid' })).toBe('440304');
    expect(districtOf({ kind: 'code', code: '440304001002003', level: 'grid' })).toBe('440304');
    expect(districtOf({ kind: 'code', code: '440304001X02', level: 'community' })).toBeNull();
    expect(districtOf({ kind: 'code', code: '4403', level: 'district' })).toBeNull();
    expect(districtOf(null)).toBeNull();
  });
});
