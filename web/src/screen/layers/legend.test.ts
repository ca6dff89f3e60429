// Layer messages (both languages, no collisions) and every layer's legend.
import { describe, expect, it } from 'vitest';
import { LAYER_MESSAGES } from '../../i18n/layer-messages.ts';
import { SCREEN_MESSAGES } from '../../i18n/screen-messages.ts';
import { LAYER_IDS } from '../types.ts';
import { BUILDING_COLOURINGS, legendFor } from './legend.ts';

const zh = LAYER_MESSAGES['zh-CN'];
const en = LAYER_MESSAGES.en;

describe('layer messages', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('all start with "layer" and do not collide with the panels’ messages', () => {
    for (const key of Object.keys(zh)) {
      expect(key.startsWith('layer')).toBe(true);
      expect(key in SCREEN_MESSAGES['zh-CN']).toBe(false);
    }
  });
  it('name every layer', () => {
    for (const id of LAYER_IDS) expect(zh[`layer_${id}`]).toBeTruthy();
    for (const c of BUILDING_COLOURINGS) expect(zh[`layerColouring_${c}`]).toBeTruthy();
  });
});

describe('legendFor', () => {
  it('gives every layer and every building colouring a legend with existing labels and colours', () => {
    for (const id of LAYER_IDS) {
      for (const colouring of BUILDING_COLOURINGS) {
        const entries = legendFor(id, colouring);
        expect(entries.length).toBeGreaterThan(0);
        for (const e of entries) {
          expect(zh[e.label]).toBeTruthy();
          expect(en[e.label]).toBeTruthy();
          if (e.shape !== 'none') expect(e.css).toMatch(/^#[0-9a-f]{6}$/i);
        }
      }
    }
  });
  it('follows the building colouring', () => {
    expect(legendFor('buildings', 'safety_grade').map((e) => e.label)).toEqual([
      'layerGrade_A',
      'layerGrade_B',
      'layerGrade_C',
      'layerGrade_D',
    ]);
    expect(legendFor('buildings', 'self_built')).toHaveLength(2);
    expect(legendFor('buildings', 'alert_state').at(-1)?.label).toBe('layerNoAlert');
  });
});
