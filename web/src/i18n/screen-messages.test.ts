import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYER_MESSAGES } from './layer-messages.ts';
import { SCREEN_MESSAGES } from './screen-messages.ts';

const keys = (o: object) => Object.keys(o).sort();

describe('big-screen panel messages', () => {
  it('have the same keys in zh-CN and English, none empty', () => {
    expect(keys(SCREEN_MESSAGES.en)).toEqual(keys(SCREEN_MESSAGES['zh-CN']));
    for (const text of [...Object.values(SCREEN_MESSAGES['zh-CN']), ...Object.values(SCREEN_MESSAGES.en)]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, zh] of Object.entries(SCREEN_MESSAGES['zh-CN'])) {
      expect([key, holes(SCREEN_MESSAGES.en[key as keyof typeof SCREEN_MESSAGES.en])]).toEqual([
        key,
        holes(zh),
      ]);
    }
  });

  it('do not collide with the app and layer messages (they are merged into one table)', () => {
    const source = readFileSync(new URL('./messages.ts', import.meta.url), 'utf8');
    const appKeys = new Set([...source.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]));
    const layerKeys = new Set(Object.keys(LAYER_MESSAGES['zh-CN']));
    for (const key of Object.keys(SCREEN_MESSAGES['zh-CN'])) {
      expect(key.startsWith('screen'), key).toBe(true);
      expect(appKeys.has(key) || layerKeys.has(key), key).toBe(false);
    }
  });
});
