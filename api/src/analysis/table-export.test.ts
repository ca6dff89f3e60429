import { describe, expect, it } from 'vitest';
import type { AlertTableRow, AssetTableRow } from '../store/analysis.repo.ts';
import { alertsCsv, alertsGeoJson, assetsCsv, assetsGeoJson } from './table-export.ts';

const asset = (kind: string, grade: string | null, severity: string | null = null): AssetTableRow => ({
  total: 3,
  code: `XX-440304-${kind.length}`,
  name: '演示资产',
  kind,
  district_code: '440304',
  district_name: '福田区',
  street_code: null,
  street_name: null,
  grade,
  floors: null,
  height_m: null,
  alert_severity: severity,
  lon: 114.05,
  lat: 22.54,
  geometry: '{"type":"Point","coordinates":[114.05,22.54]}',
});
const ASSETS = [asset('BUILDING', 'C', 'RED'), asset('SLOPE', 'medium'), asset('GAS_PIPELINE', 'medium')];

const ALERT: AlertTableRow = {
  total: 1,
  id: 7,
  asset_code: 'GD-440304-0001',
  asset_name: '演示工地',
  asset_kind: 'CONSTRUCTION_SITE',
  district_name: '福田区',
  device_code: 'DM-0001',
  kind: 'DUST_MONITOR',
  severity: 'ORANGE',
  peak_severity: 'RED',
  started_at: new Date('2026-11-11T15:30:00Z'),
  cleared_at: null,
  acknowledged_at: null,
  lon: 114.05,
  lat: 22.54,
};

const cells = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .slice(1)
    .map((l) => l.split(','));

describe('CSV downloads read in the language of their headers', () => {
  it('name kinds, grades (per kind) and severities in Chinese', () => {
    const rows = cells(assetsCsv(ASSETS, 'zh-CN'));
    expect(rows.map((r) => [r[2], r[5], r[8]])).toEqual([
      ['房屋', 'C级', '红色'],
      ['边坡', '中风险', ''],
      ['燃气管线', '中压', ''],
    ]);
    expect(cells(alertsCsv([ALERT], 'zh-CN'))[0]!.slice(3, 9)).toEqual([
      '在建工地',
      '福田区',
      'DM-0001',
      '扬尘监测仪',
      '橙色',
      '红色',
    ]);
  });

  it('and in English for English headers', () => {
    expect(cells(assetsCsv(ASSETS, 'en')).map((r) => [r[2], r[5], r[8]])).toEqual([
      ['Building', 'Grade C', 'Red'],
      ['Slope', 'Medium risk', ''],
      ['Gas pipeline', 'Medium pressure', ''],
    ]);
    expect(cells(alertsCsv([ALERT], 'en'))[0]![6]).toBe('Dust monitor');
  });

  it('show a code the vocabulary does not know as it is', () => {
    expect(cells(assetsCsv([asset('BUILDING', 'Z')], 'zh-CN'))[0]![5]).toBe('Z');
  });
});

describe('GeoJSON downloads, for machines', () => {
  it('keep the codes', () => {
    const props = assetsGeoJson(ASSETS, 'zh-CN').features.map((f) => f.properties);
    expect(props.map((p) => [p!.kind, p!.grade, p!.alertSeverity])).toEqual([
      ['BUILDING', 'C', 'RED'],
      ['SLOPE', 'medium', null],
      ['GAS_PIPELINE', 'medium', null],
    ]);
    expect(alertsGeoJson([ALERT], 'zh-CN').features[0]!.properties).toMatchObject({
      assetKind: 'CONSTRUCTION_SITE',
      kind: 'DUST_MONITOR',
      severity: 'ORANGE',
    });
  });
});
