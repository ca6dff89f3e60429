import { describe, expect, it } from 'vitest';
import { errorFormat, formatOf, splitResource } from './format.ts';

describe('Open311 formats', () => {
  it('reads the format at the end of the resource', () => {
    expect(splitResource('services.xml')).toEqual({ base: 'services', extension: 'xml' });
    expect(splitResource('2026112100000001.json')).toEqual({ base: '2026112100000001', extension: 'json' });
    expect(splitResource('requests')).toEqual({ base: 'requests', extension: null });
    expect(formatOf('XML')).toBe('xml');
    expect(formatOf('csv')).toBeNull();
    expect(formatOf(null)).toBeNull();
  });

  it('answers errors in the format the path names, else JSON only if asked for, else XML', () => {
    expect(errorFormat('/open311/v2/requests/1.json', undefined)).toBe('json');
    expect(errorFormat('/open311/v2/services.csv', undefined)).toBe('xml');
    expect(errorFormat('/open311/v2/services.csv', 'application/json')).toBe('json');
    expect(errorFormat('/open311/v2/', 'application/json, text/xml')).toBe('xml');
  });
});
