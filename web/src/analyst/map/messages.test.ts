import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYST_MAP_MESSAGES } from '../../i18n/analyst-map-messages.ts';

const zh = ANALYST_MAP_MESSAGES['zh-CN'];
const en = ANALYST_MAP_MESSAGES.en;
const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('analyst map messages', () => {
  it('have the same keys in both languages, all starting with am, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(key.startsWith('am'), key).toBe(true);
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(zh)) {
      expect([key, holes(en[key as keyof typeof en])]).toEqual([key, holes(text)]);
    }
  });

  it('do not collide with the app messages', () => {
    const source = readFileSync(new URL('../../i18n/messages.ts', import.meta.url), 'utf8');
    const appKeys = new Set([...source.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]));
    for (const key of Object.keys(zh)) expect(appKeys.has(key), key).toBe(false);
  });
});
