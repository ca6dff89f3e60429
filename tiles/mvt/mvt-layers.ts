import { DEVICE_TYPES, SEVERITIES } from '../../api/src/domain/codes.ts';
// The vector-tile layers: what each one holds (its attributes, for TileJSON), from which zoom it is served,
// and the attribute filters it takes as query parameters. The SQL of layer <name> is sql/mvt_<name>.sql; its
// parameters are $1 z, $2 x, $3 y, $4 the caller's scope code, then one per filter in the order listed here.

export type FilterSpec =
  /** A comma-separated list of these values (matched case-insensitively; bound as text[]). */
  | { name: string; kind: 'list'; values: readonly string[]; about: string }
  /** One of these values (bound as text). */
  | { name: string; kind: 'one'; values: readonly string[]; about: string }
  | { name: string; kind: 'boolean'; about: string }
  /** An area code (bound as text). */
  | { name: string; kind: 'code'; about: string }
  /** An ISO 8601 instant (bound as timestamptz). */
  | { name: string; kind: 'instant'; about: string };

export interface MvtLayer {
  name: string;
  description: string;
  minzoom: number;
  /** Attribute name → TileJSON type (String, Number, Boolean). */
  fields: Readonly<Record<string, 'String' | 'Number' | 'Boolean'>>;
  filters: readonly FilterSpec[];
}

/** Tiles are served up to here; clients overzoom beyond TileJSON's maxzoom. */
export const MAX_ZOOM = 22;
export const TILEJSON_MAXZOOM = 16;
export const EXTENT = 4096;
export const BUFFER = 64;

const district: FilterSpec = { name: 'district', kind: 'code', about: 'only this district (code)' };
const asset = { code: 'String', name: 'String', districtCode: 'String' } as const;

export const MVT_LAYERS: readonly MvtLayer[] = [
  {
    name: 'areas',
    description: 'Districts, streets, communities or grids (one level per request)',
    minzoom: 0,
    fields: { code: 'String', name: 'String', level: 'String', parentCode: 'String' },
    filters: [
      {
        name: 'level',
        kind: 'one',
        values: ['district', 'street', 'community', 'grid'],
        about: 'the area level (default district)',
      },
      { name: 'parent', kind: 'code', about: 'only areas directly under this one (code)' },
    ],
  },
  {
    name: 'buildings',
    description: 'Building footprints with height, use and safety grade',
    minzoom: 13,
    fields: {
      ...asset,
      use: 'String',
      safetyGrade: 'String',
      selfBuilt: 'Boolean',
      floors: 'Number',
      heightM: 'Number',
    },
    filters: [
      district,
      { name: 'safetyGrade', kind: 'list', values: ['A', 'B', 'C', 'D'], about: 'safety grades' },
      { name: 'selfBuilt', kind: 'boolean', about: 'self-built (自建房) or not' },
      {
        name: 'use',
        kind: 'list',
        values: ['residential', 'mixed', 'commercial', 'office', 'industrial', 'public'],
        about: 'building uses',
      },
    ],
  },
  {
    name: 'sites',
    description: 'Construction sites by stage',
    minzoom: 10,
    fields: { ...asset, stage: 'String' },
    filters: [
      district,
      {
        name: 'stage',
        kind: 'list',
        values: ['earthwork', 'foundation', 'main_structure', 'finishing'],
        about: 'site stages',
      },
    ],
  },
  {
    name: 'slopes',
    description: 'Slopes by risk grade',
    minzoom: 10,
    fields: { ...asset, riskGrade: 'String' },
    filters: [
      district,
      { name: 'riskGrade', kind: 'list', values: ['low', 'medium', 'high'], about: 'risk grades' },
    ],
  },
  {
    name: 'lamps',
    description: 'Street lamps by status',
    minzoom: 13,
    fields: { ...asset, status: 'String', roadClass: 'String' },
    filters: [
      district,
      { name: 'status', kind: 'list', values: ['on', 'off', 'fault'], about: 'lamp statuses' },
    ],
  },
  {
    name: 'waterlogging',
    description: 'Waterlogging points on roads',
    minzoom: 8,
    fields: { ...asset, roadName: 'String' },
    filters: [district],
  },
  {
    name: 'pipelines',
    description: 'Gas pipelines by pressure class',
    minzoom: 12,
    fields: { ...asset, pressureClass: 'String' },
    filters: [
      district,
      {
        name: 'pressureClass',
        kind: 'list',
        values: ['low', 'medium', 'sub_high', 'high'],
        about: 'pressure classes',
      },
    ],
  },
  {
    name: 'alerts',
    description: 'Alerts at their device: active ones, or those raised in [from, to)',
    minzoom: 0,
    fields: {
      id: 'Number',
      assetCode: 'String',
      districtCode: 'String',
      severity: 'String',
      kind: 'String',
      active: 'Boolean',
      startedAt: 'Number',
    },
    filters: [
      district,
      {
        name: 'severity',
        kind: 'list',
        values: SEVERITIES,
        about: 'severities (BLUE … RED)',
      },
      {
        name: 'kind',
        kind: 'list',
        values: DEVICE_TYPES,
        about: 'device types',
      },
      { name: 'from', kind: 'instant', about: 'raised at or after (ISO 8601)' },
      { name: 'to', kind: 'instant', about: 'raised before (ISO 8601)' },
    ],
  },
];

const BY_NAME = new Map(MVT_LAYERS.map((l) => [l.name, l]));

export function findMvtLayer(name: string): MvtLayer | undefined {
  return BY_NAME.get(name);
}

/** Said wherever the data is shown. */
export const DATA_NOTICE =
  'Synthetic demo city inside real Shenzhen district boundaries (合成数据) · boundaries © TransBigData (BSD-3)';
