// The server's words for codes are the web app's words: the CSV a person downloads reads like the screen.
import { describe, expect, it } from 'vitest';
import { deviceTypeKey, gradeKey } from '../../../web/src/analyst/panels/labels.ts';
import { DEVICE_TYPES } from '../../../web/src/data/codes.ts';
import type { AssetKind } from '../../../web/src/data/generated/graphql.ts';
import { MESSAGES } from '../../../web/src/i18n/messages.ts';
import { ASSET_KINDS } from './codes.ts';
import {
  ASSET_KIND_WORDS,
  assetKindWord,
  DEVICE_TYPE_WORDS,
  deviceTypeWord,
  GRADE_WORDS,
  gradeWord,
  SEVERITY_WORDS,
  severityWord,
} from './words.ts';

const LOCALES = ['zh-CN', 'en'] as const;

describe('the server vocabulary', () => {
  it('names every asset kind, as the workbench’s kind filter does in Chinese', () => {
    expect(Object.keys(ASSET_KIND_WORDS).sort()).toEqual([...ASSET_KINDS].sort());
    for (const kind of ASSET_KINDS) {
      const name = kind.toUpperCase() as AssetKind;
      expect(assetKindWord(name, 'zh-CN')).toBe(MESSAGES['zh-CN'][`amKind_${name}`]);
      expect(assetKindWord(kind, 'en')).toBe(MESSAGES.en[`assetKind_${kind}`]);
    }
  });

  it('names grades per kind as the asset table does', () => {
    for (const [kind, grades] of Object.entries(GRADE_WORDS)) {
      for (const grade of Object.keys(grades)) {
        const key = gradeKey(kind.toUpperCase() as AssetKind, grade)!;
        expect(key, `${kind} ${grade}`).toBeTruthy();
        for (const locale of LOCALES) expect(gradeWord(kind, grade, locale)).toBe(MESSAGES[locale][key]);
      }
    }
  });

  it('names severities and device types as the workbench does', () => {
    for (const severity of Object.keys(SEVERITY_WORDS)) {
      const upper = severity.toUpperCase() as 'RED';
      expect(severityWord(upper, 'zh-CN')).toBe(`${MESSAGES['zh-CN'][`severity_${upper}`]}色`);
      expect(severityWord(upper, 'en')).toBe(MESSAGES.en[`severity_${upper}`]);
    }
    expect(Object.keys(DEVICE_TYPE_WORDS).map((t) => t.toUpperCase())).toEqual([...DEVICE_TYPES]);
    for (const type of DEVICE_TYPES) {
      for (const locale of LOCALES)
        expect(deviceTypeWord(type, locale)).toBe(MESSAGES[locale][deviceTypeKey(type)!]);
    }
  });

  it('reads codes in either case, leaves unknown codes and nulls as they are', () => {
    expect(gradeWord('SLOPE', 'MEDIUM', 'zh-CN')).toBe('中风险');
    expect(gradeWord('gas_pipeline', 'medium', 'zh-CN')).toBe('中压');
    expect(gradeWord('WATERLOGGING_POINT', 'deep', 'zh-CN')).toBe('deep');
    expect(severityWord(null, 'zh-CN')).toBeNull();
    expect(deviceTypeWord('GAS_DETECTOR', 'en')).toBe('GAS_DETECTOR');
  });
});
