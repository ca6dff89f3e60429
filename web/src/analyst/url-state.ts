// The workbench's whole state in the query string, so a shared link reproduces the view. Pure: decoding
// never throws (a bad or unknown value falls back to its default) and keeps other parameters (lang, lite)
// as they are. Format:
//   area=code:440304:district | area=poly:lon,lat;lon,lat|<hole>~<next polygon> (+ src=draw|file)
//   range=7d | from=<ISO>&to=<ISO>    layers=areas,buildings    extrude=1    kinds=BUILDING,SLOPE
//   sort=code:asc    sel=<asset code>    view=lon,lat,zoom
import { ASSET_KINDS } from '../data/codes.ts';
import { validateGeometry } from './area/validate-area.ts';
import type {
  AnalystState,
  AreaChoice,
  AssetSort,
  AssetSortKey,
  MapLayerId,
  RangePreset,
  TimeRange,
} from './contract.ts';

export const MAP_LAYER_IDS: readonly MapLayerId[] = [
  'areas',
  'buildings',
  'sites',
  'slopes',
  'lamps',
  'waterlogging',
  'pipelines',
  'alerts',
  'density',
];
export const DEFAULT_LAYERS: readonly MapLayerId[] = ['areas', 'buildings', 'alerts'];
const SORT_KEYS: readonly AssetSortKey[] = [
  'code',
  'name',
  'kind',
  'district',
  'street',
  'grade',
  'alertSeverity',
  'floors',
  'heightM',
];
export const DEFAULT_SORT: AssetSort = { by: 'code', dir: 'asc' };

export const PRESET_MS: Readonly<Record<Exclude<RangePreset, 'custom'>, number>> = {
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
  '365d': 365 * 86_400_000,
};
export type Preset = keyof typeof PRESET_MS;
export const PRESETS = Object.keys(PRESET_MS) as Preset[];
export const DEFAULT_PRESET: Preset = '30d';

const AREA_LEVELS = ['district', 'street', 'community', 'grid'] as const;
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
/** The parameters this module owns; everything else in the query string is left alone. */
const OWN_KEYS = ['area', 'src', 'range', 'from', 'to', 'layers', 'extrude', 'kinds', 'sort', 'sel', 'view'];

/** The preset's [from, to) ending now (to the whole minute, so a reload within the minute keeps the URL). */
export function presetRange(preset: Preset, now: Date): TimeRange {
  const to = Math.floor(now.getTime() / 60_000) * 60_000;
  return { from: new Date(to - PRESET_MS[preset]).toISOString(), to: new Date(to).toISOString(), preset };
}

export function defaultState(now: Date): AnalystState {
  return {
    area: null,
    range: presetRange(DEFAULT_PRESET, now),
    layers: [...DEFAULT_LAYERS],
    extrude: false,
    kinds: [],
    sort: { ...DEFAULT_SORT },
    selected: null,
    view: null,
  };
}

// ---- decoding ----

export function decodeState(search: string, now: Date): AnalystState {
  const q = new URLSearchParams(search);
  const base = defaultState(now);
  return {
    area: decodeArea(q.get('area'), q.get('src')),
    range: decodeRange(q, now) ?? base.range,
    layers: decodeList(q.get('layers'), MAP_LAYER_IDS) ?? base.layers,
    extrude: q.get('extrude') === '1' || q.get('extrude') === 'true',
    kinds: decodeList(q.get('kinds'), ASSET_KINDS) ?? base.kinds,
    sort: decodeSort(q.get('sort')) ?? base.sort,
    selected: decodeCode(q.get('sel')),
    view: decodeView(q.get('view')),
  };
}

function decodeCode(value: string | null): string | null {
  return value && CODE.test(value) ? value : null;
}

export function decodeArea(value: string | null, src: string | null): AreaChoice | null {
  if (!value) return null;
  if (value.startsWith('code:')) {
    const [, code, level] = value.split(':');
    const lvl = AREA_LEVELS.find((l) => l === level);
    if (!code || !CODE.test(code) || !lvl) return null;
    return { kind: 'code', code, level: lvl };
  }
  if (value.startsWith('poly:')) {
    const polygons = decodePolygons(value.slice('poly:'.length));
    if (!polygons) return null;
    const geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0]! }
        : { type: 'MultiPolygon', coordinates: polygons };
    const checked = validateGeometry(geometry, { closeRings: true });
    if (!checked.ok) return null;
    return { kind: 'polygon', geometry: checked.geometry, source: src === 'file' ? 'file' : 'drawn' };
  }
  return null;
}

function decodePolygons(text: string): GeoJSON.Position[][][] | null {
  const polygons: GeoJSON.Position[][][] = [];
  for (const polyText of text.split('~')) {
    const rings: GeoJSON.Position[][] = [];
    for (const ringText of polyText.split('|')) {
      const ring: GeoJSON.Position[] = [];
      for (const pairText of ringText.split(';')) {
        const pair = parseNumbers(pairText, 2);
        if (!pair) return null;
        ring.push(pair);
      }
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return polygons;
}

function parseNumbers(text: string, n: number): number[] | null {
  const parts = text.split(',');
  if (parts.length !== n) return null;
  const values = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  return values.every(Number.isFinite) ? values : null;
}

function isInstant(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(Date.parse(value));
}

function decodeRange(q: URLSearchParams, now: Date): TimeRange | null {
  // A "+" in an offset arrives as a space when it was not percent-encoded.
  const from = q.get('from')?.replace(/ /g, '+') ?? null;
  const to = q.get('to')?.replace(/ /g, '+') ?? null;
  if (isInstant(from) && isInstant(to) && Date.parse(from) < Date.parse(to)) {
    return {
      from: new Date(Date.parse(from)).toISOString(),
      to: new Date(Date.parse(to)).toISOString(),
      preset: 'custom',
    };
  }
  const preset = PRESETS.find((p) => p === q.get('range'));
  return preset ? presetRange(preset, now) : null;
}

/** The known values in order of the list; null (→ default) when absent or when nothing in it is known. */
function decodeList<T extends string>(value: string | null, known: readonly T[]): T[] | null {
  if (value === null) return null;
  if (value === '') return [];
  const asked = new Set(value.split(','));
  const kept = known.filter((k) => asked.has(k));
  return kept.length > 0 ? kept : null;
}

function decodeSort(value: string | null): AssetSort | null {
  if (!value) return null;
  const [by, dir] = value.split(':');
  const key = SORT_KEYS.find((k) => k === by);
  if (!key) return null;
  return { by: key, dir: dir === 'desc' ? 'desc' : 'asc' };
}

function decodeView(value: string | null): AnalystState['view'] {
  if (!value) return null;
  const v = parseNumbers(value, 3);
  if (!v) return null;
  const [lon, lat, zoom] = v as [number, number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
  return { lon, lat, zoom };
}

// ---- encoding ----

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const fixed = (n: number, digits: number) => String(round(n, digits));

export function encodePolygons(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .map((rings) =>
      rings
        .map((ring) => ring.map(([lon, lat]) => `${fixed(lon!, 6)},${fixed(lat!, 6)}`).join(';'))
        .join('|'),
    )
    .join('~');
}

export function encodeArea(area: AreaChoice): string {
  return area.kind === 'code' ? `code:${area.code}:${area.level}` : `poly:${encodePolygons(area.geometry)}`;
}

export const formatView = (view: { lon: number; lat: number; zoom: number }) =>
  `${fixed(view.lon, 5)},${fixed(view.lat, 5)},${fixed(view.zoom, 2)}`;

/** Our parameters (defaults left out), in a fixed order. */
export function stateParams(state: AnalystState): [string, string][] {
  const params: [string, string][] = [];
  if (state.area) {
    params.push(['area', encodeArea(state.area)]);
    if (state.area.kind === 'polygon') params.push(['src', state.area.source === 'file' ? 'file' : 'draw']);
  }
  if (state.range.preset === 'custom') {
    params.push(['from', state.range.from], ['to', state.range.to]);
  } else if (state.range.preset !== DEFAULT_PRESET) {
    params.push(['range', state.range.preset]);
  }
  const layers = MAP_LAYER_IDS.filter((id) => state.layers.includes(id));
  if (layers.join(',') !== DEFAULT_LAYERS.join(',')) params.push(['layers', layers.join(',')]);
  if (state.extrude) params.push(['extrude', '1']);
  const kinds = ASSET_KINDS.filter((k) => state.kinds.includes(k));
  if (kinds.length > 0) params.push(['kinds', kinds.join(',')]);
  if (state.sort.by !== DEFAULT_SORT.by || state.sort.dir !== DEFAULT_SORT.dir) {
    params.push(['sort', `${state.sort.by}:${state.sort.dir}`]);
  }
  if (state.selected) params.push(['sel', state.selected]);
  if (state.view) params.push(['view', formatView(state.view)]);
  return params;
}

/** Percent-encoding that leaves the separators of our values readable (all legal in a query). */
const encodeValue = (value: string) =>
  encodeURIComponent(value).replace(/%(2C|3A|3B|7C)/gi, decodeURIComponent);

/** The query string ("?…" or "") for `state`, keeping the other parameters of `currentSearch` first. */
export function encodeState(state: AnalystState, currentSearch: string): string {
  const others = new URLSearchParams(currentSearch);
  for (const key of OWN_KEYS) others.delete(key);
  const parts = [
    ...[...others].map(([k, v]) => `${encodeURIComponent(k)}=${encodeValue(v)}`),
    ...stateParams(state).map(([k, v]) => `${k}=${encodeValue(v)}`),
  ];
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
