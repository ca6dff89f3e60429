// The message modules merged into one table (messages.ts), each checked the same way: the same keys in zh-CN
// and English, none empty, the same placeholders, each module's own key prefix, and no key that collides
// with the app's or another module's (a merge would silently override it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYST_MAP_MESSAGES } from './analyst-map-messages.ts';
import { ANALYST_PANEL_MESSAGES } from './analyst-panel-messages.ts';
import { LAYER_MESSAGES } from './layer-messages.ts';
import { SCREEN_MESSAGES } from './screen-messages.ts';

type Messages = { 'zh-CN': Record<string, string>; en: Record<string, string> };

/** The app's own keys, from its source (MESSAGES itself holds the merged modules too). */
const appKeys = new Set(
  [...readFileSync(new URL('./messages.ts', import.meta.url), 'utf8').matchAll(/^ {4}(\w+):/gm)].map(
    (m) => m[1],
  ),
);

const MODULES: { name: string; messages: Messages; prefix: string; notIn: Messages[] }[] = [
  { name: 'big-screen panel', messages: SCREEN_MESSAGES, prefix: 'screen', notIn: [LAYER_MESSAGES] },
  { name: 'analyst map', messages: ANALYST_MAP_MESSAGES, prefix: 'am', notIn: [] },
  { name: 'analyst panel', messages: ANALYST_PANEL_MESSAGES, prefix: 'ap', notIn: [] },
];

const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe.each(MODULES)('$name messages', ({ messages, prefix, notIn }) => {
  const zh = messages['zh-CN'];
  const en = messages.en;

  it(`have the same keys in zh-CN and English, all starting with ${prefix}, none empty`, () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(key.startsWith(prefix), key).toBe(true);
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(zh)) expect([key, holes(en[key]!)]).toEqual([key, holes(text)]);
  });

  it('do not collide with the app messages (they are merged into one table)', () => {
    const others = notIn.map((m) => new Set(Object.keys(m['zh-CN'])));
    for (const key of Object.keys(zh)) {
      expect(appKeys.has(key), key).toBe(false);
      for (const other of others) expect(other.has(key), key).toBe(false);
    }
  });
});
