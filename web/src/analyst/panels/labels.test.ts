import { describe, expect, it } from 'vitest';
import { DEVICE_TYPES, isSeverity } from '../../data/codes.ts';
import { MESSAGES } from '../../i18n/messages.ts';
import { assetKindKey, deviceTypeKey, gradeKey } from './labels.ts';

describe('labels', () => {
  it('name every device type and leave unknown ones to show as sent', () => {
    for (const type of DEVICE_TYPES) expect(MESSAGES['zh-CN'][deviceTypeKey(type)!]).toBeTruthy();
    expect(deviceTypeKey('GAS_DETECTOR')).toBeNull();
  });

  it('name asset kinds with the app’s words', () => {
    expect(MESSAGES['zh-CN'][assetKindKey('CONSTRUCTION_SITE')]).toBe('在建工地');
  });

  it('read grades per kind, in either case', () => {
    expect(gradeKey('BUILDING', 'D')).toBe('apGrade_D');
    expect(gradeKey('SLOPE', 'high')).toBe('apRisk_HIGH');
    expect(gradeKey('GAS_PIPELINE', 'sub_high')).toBe('apPressure_SUB_HIGH');
    expect(gradeKey('STREET_LAMP', 'FAULT')).toBe('apLamp_FAULT');
    expect(gradeKey('WATERLOGGING_POINT', 'x')).toBeNull();
  });

  it('knows the four severities', () => {
    expect(isSeverity('RED')).toBe(true);
    expect(isSeverity('PURPLE')).toBe(false);
    expect(isSeverity(null)).toBe(false);
  });
});
