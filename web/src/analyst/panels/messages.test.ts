import { describe, expect, it } from 'vitest';
import { ANALYST_PANEL_MESSAGES } from '../../i18n/analyst-panel-messages.ts';

const zh = ANALYST_PANEL_MESSAGES['zh-CN'];
const en = ANALYST_PANEL_MESSAGES.en;
const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('analyst panel messages', () => {
  it('have the same keys in both languages, all starting with ap, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(key.startsWith('ap'), key).toBe(true);
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(zh)) {
      expect([key, holes(en[key as keyof typeof en])]).toEqual([key, holes(text)]);
    }
  });
});
