// Checks a vector-tile request before any SQL runs: the layer, z/x/y, and the attribute filters in the query
// string. Pure: returns the bound filter values, or throws INVALID_INPUT saying what is wrong.
import { TileRequestError } from '../tile-errors.ts';
import { type FilterSpec, findMvtLayer, MAX_ZOOM, MVT_LAYERS, type MvtLayer } from './mvt-layers.ts';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

export interface LayerQuery {
  layer: MvtLayer;
  /** One bound value per filter, in the layer's order (null where not given). */
  values: unknown[];
  /** The filters in a canonical form ("" without any): part of the cache key and the TileJSON's tile URLs. */
  canonical: string;
}

const MAX_LIST = 20;
const CODE = /^[0-9A-Z]{6,16}$/;
// ISO 8601 with a date, optionally a time and a zone; Date.parse does the rest of the checking.
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const invalid = (message: string) => new TileRequestError('INVALID_INPUT', message);

export function parseLayerName(name: string): MvtLayer {
  const layer = findMvtLayer(name);
  if (!layer) {
    throw invalid(
      `unknown tile layer "${name.slice(0, 40)}"; use one of ${MVT_LAYERS.map((l) => l.name).join(', ')}`,
    );
  }
  return layer;
}

/** z/x/y from the path (y as "<n>.mvt"), within the layer's zooms. */
export function parseTileAddress(layer: MvtLayer, z: string, x: string, yFile: string): TileAddress {
  const y = /^(\d{1,8})\.mvt$/.exec(yFile)?.[1];
  const [zn, xn, yn] = [z, x, y].map((v) =>
    v !== undefined && /^\d{1,8}$/.test(v) ? Number(v) : Number.NaN,
  );
  if (!(zn! >= 0 && zn! <= MAX_ZOOM)) {
    throw invalid(
      `a tile is /tiles/${layer.name}/{z}/{x}/{y}.mvt with z a whole number from 0 to ${MAX_ZOOM}`,
    );
  }
  if (!(xn! < 2 ** zn!) || !(yn! < 2 ** zn!)) {
    throw invalid(`x and y of a zoom ${zn} tile are whole numbers below ${2 ** zn!}`);
  }
  if (zn! < layer.minzoom) {
    throw invalid(`${layer.name} tiles start at zoom ${layer.minzoom}; zoom in`);
  }
  return { z: zn!, x: xn!, y: yn! };
}

/**
 * The layer's filters from the query string (every value of every parameter, as URLSearchParams gives them).
 * An unknown or repeated parameter, a value outside the list, or a malformed one is refused.
 */
export function parseLayerQuery(layer: MvtLayer, query: Record<string, string[]>): LayerQuery {
  const specs = new Map(layer.filters.map((f) => [f.name, f]));
  for (const [name, given] of Object.entries(query)) {
    const spec = specs.get(name);
    if (!spec) {
      const known = layer.filters.map((f) => f.name).join(', ') || 'none';
      throw invalid(`${layer.name} tiles take no "${name.slice(0, 40)}" filter; filters: ${known}`);
    }
    if (given.length !== 1) throw invalid(`give the ${name} filter once`);
  }
  const values: unknown[] = [];
  const parts: string[] = [];
  for (const spec of layer.filters) {
    const raw = query[spec.name]?.[0];
    if (raw === undefined) {
      values.push(null);
      continue;
    }
    const { value, text } = parseFilter(layer.name, spec, raw);
    values.push(value);
    parts.push(`${spec.name}=${text}`);
  }
  if (layer.name === 'alerts') checkTimeOrder(values);
  return { layer, values, canonical: parts.join('&') };
}

function parseFilter(layer: string, spec: FilterSpec, raw: string): { value: unknown; text: string } {
  const what = `the ${layer} filter ${spec.name} (${spec.about})`;
  switch (spec.kind) {
    case 'list': {
      const items = raw.split(',').map((s) => s.trim());
      if (items.length > MAX_LIST) throw invalid(`${what} takes at most ${MAX_LIST} values`);
      const picked = items.map((item) => canonicalValue(spec.values, item, what));
      const unique = [...new Set(picked)].sort();
      return { value: unique, text: unique.join(',') };
    }
    case 'one': {
      const value = canonicalValue(spec.values, raw.trim(), what);
      return { value, text: value };
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw invalid(`${what} is true or false`);
      return { value: raw === 'true', text: raw };
    case 'code': {
      const code = raw.trim().toUpperCase();
      if (!CODE.test(code)) throw invalid(`${what}: "${raw.slice(0, 40)}" is not an area code`);
      return { value: code, text: code };
    }
    case 'instant': {
      const ms = INSTANT.test(raw) ? Date.parse(raw) : Number.NaN;
      if (!Number.isFinite(ms))
        throw invalid(`${what}: "${raw.slice(0, 40)}" is not an ISO 8601 date or time`);
      const iso = new Date(ms).toISOString();
      return { value: iso, text: iso };
    }
  }
}

function canonicalValue(values: readonly string[], item: string, what: string): string {
  const found = values.find((v) => v.toLowerCase() === item.toLowerCase());
  if (!found) {
    throw invalid(`${what}: "${item.slice(0, 40)}" is not one of ${values.join(', ')}`);
  }
  return found;
}

function checkTimeOrder(values: unknown[]): void {
  const [from, to] = values.slice(-2) as [string | null, string | null];
  if (from && to && Date.parse(from) >= Date.parse(to)) {
    throw invalid('the alerts filter from must be before to');
  }
}

/** The tile's bounds in degrees [west, south, east, north] (Web Mercator tiling). */
export function tileBounds({ z, x, y }: TileAddress): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}
