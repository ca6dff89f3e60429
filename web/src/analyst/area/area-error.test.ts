import { describe, expect, it } from 'vitest';
import { ANALYST_MAP_MESSAGES } from '../../i18n/analyst-map-messages.ts';
import { areaErrorText } from './area-error.ts';

const t = ((key: string) => (ANALYST_MAP_MESSAGES.en as Record<string, string>)[key] ?? key) as Parameters<
  typeof areaErrorText
>[2];

describe('areaErrorText', () => {
  it('words the client checks without their technical detail', () => {
    expect(areaErrorText('SWAPPED', 'coordinates look like (lat, lon)', t)).toBe(
      'The coordinates look swapped (expected longitude, latitude)',
    );
  });

  it('adds the server message to the words for its code', () => {
    expect(areaErrorText('LIMIT_EXCEEDED', 'area over 2000 km²', t)).toBe(
      'The area exceeds the query limit; make it smaller (area over 2000 km²)',
    );
    expect(areaErrorText('FORBIDDEN', '', t)).toBe('You may not view this area');
  });

  it('names an unknown code', () => {
    expect(areaErrorText('HTTP_500', 'boom', t)).toBe('Area error HTTP_500 (boom)');
  });
});
