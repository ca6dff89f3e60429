// The body of POST /api/analysis/assets and /api/analysis/alerts, checked before any SQL. Pure.

import { ASSET_KINDS, DEVICE_TYPES, SEVERITIES } from '../domain/codes.ts';
import { DomainError } from '../domain-error.ts';
import type { AreaInputValue } from '../geo/area-input.ts';
import { checkPeriod } from './trend-buckets.ts';

export const TABLE_LIMIT = 10_000;
export const EXPORT_LIMIT = 100_000;
export const FORMATS = ['json', 'csv', 'geojson'] as const;
export type TableFormat = (typeof FORMATS)[number];
export type Lang = 'zh-CN' | 'en';

const upper = (values: readonly string[]) => values.map((v) => v.toUpperCase());
const ASSET_KIND_NAMES = upper(ASSET_KINDS);
export const ASSET_SORT_KEYS = [
  'code',
  'name',
  'kind',
  'district',
  'street',
  'grade',
  'floors',
  'heightM',
  'alertSeverity',
] as const;
const SEVERITY_NAMES = upper(SEVERITIES);
const DEVICE_TYPE_NAMES = upper(DEVICE_TYPES);

interface Common {
  area: AreaInputValue;
  format: TableFormat;
  lang: Lang;
}

export interface AssetTableRequest extends Common {
  /** Lower-case asset_kind values; null: all. */
  kinds: string[] | null;
  sort: { by: (typeof ASSET_SORT_KEYS)[number]; dir: 'asc' | 'desc' };
}

export interface AlertTableRequest extends Common {
  from: Date;
  to: Date;
  severities: string[] | null;
  deviceTypes: string[] | null;
}

const invalid = (message: string) => new DomainError('INVALID_INPUT', message);

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

function only(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length > 0)
    throw invalid(`unknown field "${extra[0]!.slice(0, 40)}"; fields: ${allowed.join(', ')}`);
}

function common(body: Record<string, unknown>): Common {
  if (body.area === undefined || body.area === null)
    throw invalid('area is required (an AreaInput: code, polygon, bbox or circle)');
  const area = object(body.area, 'area') as AreaInputValue;
  const format = body.format ?? 'json';
  if (!(FORMATS as readonly unknown[]).includes(format))
    throw invalid(`format is one of ${FORMATS.join(', ')}`);
  const lang = body.lang ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw invalid('lang is zh-CN or en');
  return { area, format: format as TableFormat, lang };
}

function enumList(value: unknown, allowed: readonly string[], what: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length > allowed.length * 2)
    throw invalid(`${what} is a list of ${allowed.join(', ')}`);
  for (const v of value) {
    if (typeof v !== 'string' || !allowed.includes(v)) {
      throw invalid(`${what}: "${String(v).slice(0, 40)}" is not one of ${allowed.join(', ')}`);
    }
  }
  return value.length === 0 ? null : [...new Set(value as string[])].map((v) => v.toLowerCase());
}

function instant(value: unknown, what: string): Date {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw invalid(`${what} is an ISO 8601 date-time, e.g. 2026-11-21T08:00:00+08:00`);
  return new Date(ms);
}

export function parseAssetTableRequest(raw: unknown): AssetTableRequest {
  const body = object(raw, 'the request body');
  only(body, ['area', 'kinds', 'sort', 'format', 'lang']);
  const sort = body.sort === undefined || body.sort === null ? {} : object(body.sort, 'sort');
  const by = sort.by ?? 'code';
  const dir = sort.dir ?? 'asc';
  if (!(ASSET_SORT_KEYS as readonly unknown[]).includes(by))
    throw invalid(`sort.by is one of ${ASSET_SORT_KEYS.join(', ')}`);
  if (dir !== 'asc' && dir !== 'desc') throw invalid('sort.dir is asc or desc');
  return {
    ...common(body),
    kinds: enumList(body.kinds, ASSET_KIND_NAMES, 'kinds'),
    sort: { by: by as AssetTableRequest['sort']['by'], dir },
  };
}

export function parseAlertTableRequest(raw: unknown): AlertTableRequest {
  const body = object(raw, 'the request body');
  only(body, ['area', 'from', 'to', 'severities', 'kinds', 'format', 'lang']);
  const from = instant(body.from, 'from');
  const to = instant(body.to, 'to');
  checkPeriod(from, to);
  return {
    ...common(body),
    from,
    to,
    severities: enumList(body.severities, SEVERITY_NAMES, 'severities'),
    deviceTypes: enumList(body.kinds, DEVICE_TYPE_NAMES, 'kinds'),
  };
}
