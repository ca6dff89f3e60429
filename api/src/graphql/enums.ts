// Enums shared by several types; values mirror the database enums.

import { ROLE_LABELS, ROLES } from '../access/roles.ts';
import { AREA_LEVELS, ASSET_KINDS, DEVICE_TYPES, SEVERITIES, type Severity } from '../domain/codes.ts';
import { builder } from './builder.ts';

export const AssetKindEnum = builder.enumType('AssetKind', {
  values: Object.fromEntries(ASSET_KINDS.map((k) => [k.toUpperCase(), { value: k }])),
});

export const AreaLevelEnum = builder.enumType('AreaLevel', {
  values: Object.fromEntries(AREA_LEVELS.map((k) => [k.toUpperCase(), { value: k }])),
});

export const SafetyGradeEnum = builder.enumType('SafetyGrade', {
  description: '房屋安全等级 per JGJ 125: A safe … D dangerous.',
  values: ['A', 'B', 'C', 'D'] as const,
});

export const BuildingUseEnum = builder.enumType('BuildingUse', {
  values: Object.fromEntries(
    ['residential', 'mixed', 'commercial', 'office', 'industrial', 'public'].map((v) => [
      v.toUpperCase(),
      { value: v },
    ]),
  ),
});

export const RiskGradeEnum = builder.enumType('RiskGrade', {
  values: { LOW: { value: 'low' }, MEDIUM: { value: 'medium' }, HIGH: { value: 'high' } },
});

export const LampStatusEnum = builder.enumType('LampStatus', {
  values: { ON: { value: 'on' }, OFF: { value: 'off' }, FAULT: { value: 'fault' } },
});

export const SiteStageEnum = builder.enumType('SiteStage', {
  values: Object.fromEntries(
    ['earthwork', 'foundation', 'main_structure', 'finishing'].map((v) => [v.toUpperCase(), { value: v }]),
  ),
});

export const RoleEnum = builder.enumType('Role', {
  description: 'What a user or token may do (see the README: roles and permissions).',
  values: Object.fromEntries(
    ROLES.map((r) => [
      r.toUpperCase(),
      { value: r, description: `${ROLE_LABELS[r].zh} ${ROLE_LABELS[r].en}` },
    ]),
  ),
});

export const AlertSeverityEnum = builder.enumType('AlertSeverity', {
  description: '蓝 BLUE < 黄 YELLOW < 橙 ORANGE < 红 RED.',
  values: Object.fromEntries(SEVERITIES.map((s) => [s.toUpperCase(), { value: s }])) as Record<
    string,
    { value: Severity }
  >,
});

export const DeviceTypeEnum = builder.enumType('DeviceType', {
  values: Object.fromEntries(DEVICE_TYPES.map((t) => [t.toUpperCase(), { value: t }])) as Record<
    string,
    { value: string }
  >,
});
