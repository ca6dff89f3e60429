// TileJSON 3.0.0 for a vector-tile layer: its tile URL (with the filters asked for), zooms, bounds and fields.
import { DATA_NOTICE, TILEJSON_MAXZOOM } from './mvt-layers.ts';
import type { Bounds } from './tile-cache.ts';
import type { LayerQuery } from './tile-request.ts';

export function tileJson(query: LayerQuery, origin: string, bounds: Bounds) {
  const { layer } = query;
  const search = query.canonical ? `?${query.canonical}` : '';
  // TileJSON 3.0.0: a vector layer's maxzoom may not exceed the tileset's (tiles deeper are served, for clients
  // that ask, but TileJSON clients overzoom from here).
  const maxzoom = Math.max(layer.minzoom, TILEJSON_MAXZOOM);
  return {
    tilejson: '3.0.0',
    name: layer.name,
    description: layer.description,
    attribution: DATA_NOTICE,
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${layer.name}/{z}/{x}/{y}.mvt${search}`],
    minzoom: layer.minzoom,
    maxzoom,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.max(layer.minzoom, 10)],
    vector_layers: [
      {
        id: layer.name,
        description: layer.description,
        fields: layer.fields,
        minzoom: layer.minzoom,
        maxzoom,
      },
    ],
    filters: Object.fromEntries(layer.filters.map((f) => [f.name, f.about])),
  };
}
