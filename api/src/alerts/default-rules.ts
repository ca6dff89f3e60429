// The default rule pack, installed into every database (existing codes are never overwritten, so operators'
// edits stay). Each limit cites where it comes from; where a limit depends on the project (pit grade, slope
// design), the value is a typical one and the citation says so. Admins tune them through GraphQL.
import type pg from 'pg';
import { parseRuleDefinition } from '../evaluate/rule-definition.ts';
import { insertRule } from '../store/alerts.repo.ts';
import type { Queryable } from '../store/db.ts';

export interface DefaultRule {
  code: string;
  nameZh: string;
  nameEn: string;
  deviceType: string;
  definition: Record<string, unknown>;
  escalateAfterS: number | null;
  citation: string;
}

const HOUR = 3600;
const DAY = 86_400;

export const DEFAULT_RULES: readonly DefaultRule[] = [
  {
    code: 'pit.wall-top-displacement',
    nameZh: '基坑墙顶水平位移超限（累计或速率）',
    nameEn: 'Deep pit: wall-top displacement, cumulative or rate',
    deviceType: 'pit_monitor',
    definition: {
      kind: 'reading',
      consecutive: 2,
      condition: {
        type: 'any',
        of: [
          {
            type: 'threshold',
            signal: { metric: 'wall_top_displacement', kind: 'change', baseline: 0 },
            direction: 'above',
            levels: [
              { severity: 'yellow', value: 21 },
              { severity: 'orange', value: 25.5 },
              { severity: 'red', value: 30 },
            ],
          },
          {
            type: 'threshold',
            signal: { metric: 'wall_top_displacement', kind: 'rate', per_s: DAY, over_s: DAY },
            direction: 'above',
            levels: [
              { severity: 'yellow', value: 2.1 },
              { severity: 'orange', value: 2.55 },
              { severity: 'red', value: 3 },
            ],
          },
        ],
      },
    },
    escalateAfterS: 2 * HOUR,
    citation:
      'GB 50497-2019《建筑基坑工程监测技术标准》8.0.4: alarm on cumulative value OR rate; grade-1 pit wall-top horizontal displacement about 30 mm cumulative or 3 mm/d (set per design). Warning (yellow) at 70% of the alarm value, orange at 85%, red at the alarm value. Two consecutive readings confirm.',
  },
  {
    code: 'crane.load-moment',
    nameZh: '塔吊力矩比超限',
    nameEn: 'Tower crane: load-moment ratio',
    deviceType: 'crane_monitor',
    definition: {
      kind: 'reading',
      condition: {
        type: 'threshold',
        signal: { metric: 'load_moment_ratio', kind: 'value' },
        direction: 'above',
        levels: [
          { severity: 'orange', value: 90 },
          { severity: 'red', value: 100 },
        ],
        clear: 85,
      },
    },
    escalateAfterS: 30 * 60,
    citation:
      'GB 5144-2006《塔式起重机安全规程》and GB/T 28264-2017 (safety monitoring systems): moment limiter warns at 90% of the rated load moment and stops lifting at 100%. Clears below 85% (hysteresis).',
  },
  {
    code: 'dust.pm10',
    nameZh: '工地扬尘PM10超标',
    nameEn: 'Construction site dust: PM10',
    deviceType: 'dust_monitor',
    definition: {
      kind: 'reading',
      consecutive: 2,
      condition: {
        type: 'threshold',
        signal: { metric: 'pm10', kind: 'value' },
        direction: 'above',
        levels: [
          { severity: 'yellow', value: 150 },
          { severity: 'orange', value: 250 },
          { severity: 'red', value: 350 },
        ],
        clear: 120,
      },
    },
    escalateAfterS: 4 * HOUR,
    citation:
      'GB 3095-2012 ambient PM10 24-hour limit (grade II) 150 µg/m³, used by city site-dust platforms as the on-site alarm line; orange and red at 250 and 350 µg/m³ (heavy and severe pollution bands of HJ 633-2012). Two consecutive readings confirm.',
  },
  {
    code: 'slope.rain-and-movement',
    nameZh: '边坡降雨与深部位移联合预警',
    nameEn: 'Slope: rainfall together with deep displacement rate',
    deviceType: 'slope_sensor',
    definition: {
      kind: 'reading',
      condition: {
        type: 'any',
        of: [
          {
            type: 'all',
            within_s: 2 * HOUR,
            of: [
              {
                type: 'threshold',
                signal: { metric: 'rainfall', kind: 'value' },
                direction: 'above',
                levels: [
                  { severity: 'yellow', value: 20 },
                  { severity: 'orange', value: 30 },
                  { severity: 'red', value: 50 },
                ],
                clear: 5,
              },
              {
                type: 'threshold',
                signal: { metric: 'deep_displacement', kind: 'rate', per_s: DAY, over_s: 12 * HOUR },
                direction: 'above',
                levels: [
                  { severity: 'yellow', value: 0.5 },
                  { severity: 'orange', value: 1 },
                  { severity: 'red', value: 2 },
                ],
              },
            ],
          },
          {
            type: 'threshold',
            signal: { metric: 'deep_displacement', kind: 'rate', per_s: DAY, over_s: 12 * HOUR },
            direction: 'above',
            levels: [
              { severity: 'orange', value: 3 },
              { severity: 'red', value: 5 },
            ],
          },
        ],
      },
    },
    escalateAfterS: HOUR,
    citation:
      'Combined rainfall and deformation-rate warning as in GB/T 32864-2016 (landslide monitoring) practice and Guangdong geological-hazard meteorological warnings (hourly rain ≥ 20/30/50 mm: 大雨/暴雨 bands); deformation-rate lines are typical values, set per slope by its monitoring design. A fast rate alone is orange or red.',
  },
  {
    code: 'waterlogging.depth',
    nameZh: '道路积水深度分级预警',
    nameEn: 'Road waterlogging depth bands',
    deviceType: 'water_gauge',
    definition: {
      kind: 'reading',
      condition: {
        type: 'threshold',
        signal: { metric: 'water_depth', kind: 'value' },
        direction: 'above',
        levels: [
          { severity: 'blue', value: 15 },
          { severity: 'yellow', value: 27 },
          { severity: 'orange', value: 40 },
          { severity: 'red', value: 50 },
        ],
        clear: 10,
      },
    },
    escalateAfterS: 30 * 60,
    citation:
      'GB 51222-2017《城镇内涝防治技术规范》: a road lane is waterlogged above 15 cm; 27 cm reaches a car exhaust, 40 cm closes roads to cars, 50 cm is dangerous to people (city emergency-response practice). Clears below 10 cm.',
  },
  {
    code: 'lamp.on-rate-trunk',
    nameZh: '主干道亮灯率低于98%',
    nameEn: 'Street lamps: on-rate below 98% on trunk roads',
    deviceType: 'lamp_controller',
    definition: {
      kind: 'reading',
      active_hours: { from: '19:00', to: '06:00' },
      applies_to: { road_classes: ['trunk'] },
      condition: {
        type: 'threshold',
        signal: { metric: 'lamp_on_rate', kind: 'value' },
        direction: 'below',
        levels: [
          { severity: 'yellow', value: 98 },
          { severity: 'orange', value: 90 },
        ],
      },
    },
    escalateAfterS: 12 * HOUR,
    citation:
      'CJJ 45-2015《城市道路照明设计标准》and the Ministry’s 城市照明 assessment: lamp on-rate on trunk roads at least 98% during lighting hours; judged between 19:00 and 06:00 only.',
  },
  {
    code: 'lamp.circuit-fault',
    nameZh: '路灯回路故障（亮灯时段无电流）',
    nameEn: 'Street lamps: circuit fault (no current while lamps should be on)',
    deviceType: 'lamp_controller',
    definition: {
      kind: 'reading',
      active_hours: { from: '19:00', to: '06:00' },
      consecutive: 2,
      condition: {
        type: 'threshold',
        signal: { metric: 'circuit_current', kind: 'value' },
        direction: 'below',
        levels: [{ severity: 'red', value: 0.5 }],
      },
    },
    escalateAfterS: HOUR,
    citation:
      'Lamp controller practice (CJJ/T 227 remote monitoring of urban lighting): a circuit drawing under 0.5 A in lighting hours has tripped or lost supply; two readings in a row confirm.',
  },
  {
    code: 'camera.offline',
    nameZh: '视频监控离线超过3天',
    nameEn: 'Camera silent for 3 days',
    deviceType: 'camera',
    definition: { kind: 'silence', after_s: 3 * DAY, severity: 'yellow' },
    escalateAfterS: DAY,
    citation:
      'Foshan 智慧工地 rules: cameras and dust monitors on sites must not be offline for more than 3 days.',
  },
  {
    code: 'dust.offline',
    nameZh: '扬尘监测仪离线超过3天',
    nameEn: 'Dust monitor silent for 3 days',
    deviceType: 'dust_monitor',
    definition: { kind: 'silence', after_s: 3 * DAY, severity: 'yellow' },
    escalateAfterS: DAY,
    citation:
      'Foshan 智慧工地 rules: cameras and dust monitors on sites must not be offline for more than 3 days.',
  },
  {
    code: 'energy.offline',
    nameZh: '能耗电表数据中断',
    nameEn: 'Energy meter offline',
    deviceType: 'energy_meter',
    definition: { kind: 'silence', after_s: 6 * HOUR, severity: 'blue' },
    escalateAfterS: null,
    citation:
      'Public-building energy monitoring (JGJ/T 285-2014): meters report hourly; data online rate is assessed, a meter silent for 6 hours is offline.',
  },
  {
    code: 'energy.monthly-use',
    nameZh: '公共建筑月用电量超定额',
    nameEn: 'Public building: last month’s electricity above quota',
    deviceType: 'energy_meter',
    definition: {
      kind: 'aggregate',
      metric: 'energy',
      aggregate: 'sum',
      period: 'month',
      direction: 'above',
      levels: [
        { severity: 'yellow', value: 150_000 },
        { severity: 'orange', value: 200_000 },
      ],
    },
    escalateAfterS: null,
    citation:
      'GB/T 51161-2016《民用建筑能耗标准》quotas, as the Shenzhen public-building energy platform warns on monthly figures; the kWh lines are illustrative, set per building from its quota.',
  },
];

/** Installs the rules whose codes are missing; returns how many were added. */
export async function installDefaultRules(db: Queryable | pg.Pool): Promise<number> {
  let added = 0;
  for (const rule of DEFAULT_RULES) {
    const definition = parseRuleDefinition(rule.definition, null);
    const row = await insertRule(db, { ...rule, kind: definition.kind, definition, enabled: true }, 'system');
    if (row) added++;
  }
  return added;
}
