// The asset and alert tables as the workbench shows them (JSON rows) and as files: CSV for people, headers and
// coded cells (kind, grade, severity, device type) in zh-CN or English words (domain/words.ts); GeoJSON for
// machines, with the codes. Pure: the rows come from analysis.repo.ts.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { assetKindWord, deviceTypeWord, gradeWord, severityWord } from '../domain/words.ts';
import type { AlertTableRow, AssetTableRow } from '../store/analysis.repo.ts';
import { type Cell, cstTime, toCsv } from './csv.ts';
import type { Lang } from './table-request.ts';

export const DATA_NOTICE_ZH = '演示数据：城市为合成数据，位于真实深圳行政区边界内';
export const DATA_NOTICE_EN = 'Demo data: a synthetic city inside real Shenzhen district boundaries';

export const assetJson = (r: AssetTableRow) => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  districtCode: r.district_code,
  districtName: r.district_name ?? r.district_code,
  streetCode: r.street_code,
  streetName: r.street_name,
  grade: r.grade,
  floors: r.floors,
  heightM: r.height_m,
  alertSeverity: r.alert_severity,
  lon: r.lon,
  lat: r.lat,
});

export const alertJson = (r: AlertTableRow) => ({
  id: r.id,
  assetCode: r.asset_code,
  assetName: r.asset_name,
  assetKind: r.asset_kind,
  districtName: r.district_name ?? '',
  deviceCode: r.device_code,
  kind: r.kind,
  severity: r.severity,
  peakSeverity: r.peak_severity,
  startedAt: r.started_at.toISOString(),
  clearedAt: r.cleared_at?.toISOString() ?? null,
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  lon: r.lon,
  lat: r.lat,
});

const ASSET_HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['编码', '名称', '类型', '行政区', '街道', '等级/状态', '层数', '高度(m)', '告警', '经度', '纬度'],
  en: [
    'Code',
    'Name',
    'Kind',
    'District',
    'Street',
    'Grade/status',
    'Floors',
    'Height (m)',
    'Alert',
    'Longitude',
    'Latitude',
  ],
};

export function assetsCsv(rows: readonly AssetTableRow[], lang: Lang): string {
  return toCsv(
    ASSET_HEADERS[lang],
    rows.map((r): Cell[] => [
      r.code,
      r.name,
      assetKindWord(r.kind, lang),
      r.district_name ?? r.district_code,
      r.street_name,
      gradeWord(r.kind, r.grade, lang),
      r.floors,
      r.height_m,
      severityWord(r.alert_severity, lang),
      r.lon,
      r.lat,
    ]),
  );
}

const ALERT_HEADERS: Record<Lang, string[]> = {
  'zh-CN': [
    '告警编号',
    '资产编码',
    '资产名称',
    '资产类型',
    '行政区',
    '设备编码',
    '设备类型',
    '当前等级',
    '最高等级',
    '发生时间',
    '解除时间',
    '确认时间',
    '经度',
    '纬度',
  ],
  en: [
    'Alert',
    'Asset code',
    'Asset',
    'Asset kind',
    'District',
    'Device',
    'Device type',
    'Severity',
    'Peak severity',
    'Started (CST)',
    'Cleared (CST)',
    'Acknowledged (CST)',
    'Longitude',
    'Latitude',
  ],
};

export function alertsCsv(rows: readonly AlertTableRow[], lang: Lang): string {
  return toCsv(
    ALERT_HEADERS[lang],
    rows.map((r): Cell[] => [
      r.id,
      r.asset_code,
      r.asset_name,
      assetKindWord(r.asset_kind, lang),
      r.district_name,
      r.device_code,
      deviceTypeWord(r.kind, lang),
      severityWord(r.severity, lang),
      severityWord(r.peak_severity, lang),
      cstTime(r.started_at),
      cstTime(r.cleared_at),
      cstTime(r.acknowledged_at),
      r.lon,
      r.lat,
    ]),
  );
}

function collection(features: Feature[], lang: Lang): FeatureCollection & { notice: string } {
  return { type: 'FeatureCollection', notice: lang === 'zh-CN' ? DATA_NOTICE_ZH : DATA_NOTICE_EN, features };
}

export const assetsGeoJson = (rows: readonly AssetTableRow[], lang: Lang) =>
  collection(
    rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      geometry: JSON.parse(r.geometry ?? 'null') as Geometry,
      properties: assetJson(r),
    })),
    lang,
  );

export const alertsGeoJson = (rows: readonly AlertTableRow[], lang: Lang) =>
  collection(
    rows.map((r) => ({
      type: 'Feature',
      id: r.id,
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: alertJson(r),
    })),
    lang,
  );
