// Encodes a vector tile in Node from the rows mvt_geom() made (migration 0012), for a PostGIS built without
// protobuf-c (the embedded PGlite): the same layer name, extent, feature ids and attributes ST_AsMVT would
// write, through @maplibre/vt-pbf. Geometry arrives as GeoJSON in tile coordinates (integers, y down, rings
// wound the way the MVT spec wants).
import Point from '@mapbox/point-geometry';
import { fromVectorTileJs, type VectorTileFeatureLike } from '@maplibre/vt-pbf';
import type { Geometry, Position } from 'geojson';

export type TileValue = string | number | boolean;

export interface TileFeatureRow {
  id: number | undefined;
  geometry: Geometry;
  properties: Record<string, TileValue | null>;
}

const POINT = 1;
const LINESTRING = 2;
const POLYGON = 3;

function points(ring: Position[]): Point[] {
  return ring.map(([x, y]) => new Point(x!, y!));
}

/** MVT geometry type and the rings vt-pbf writes: points as one MoveTo run, lines and rings one each. */
function tileGeometry(geometry: Geometry): { type: 1 | 2 | 3; rings: Point[][] } {
  switch (geometry.type) {
    case 'Point':
      return { type: POINT, rings: [points([geometry.coordinates])] };
    case 'MultiPoint':
      return { type: POINT, rings: [points(geometry.coordinates)] };
    case 'LineString':
      return { type: LINESTRING, rings: [points(geometry.coordinates)] };
    case 'MultiLineString':
      return { type: LINESTRING, rings: geometry.coordinates.map(points) };
    case 'Polygon':
      return { type: POLYGON, rings: geometry.coordinates.map(points) };
    case 'MultiPolygon':
      return { type: POLYGON, rings: geometry.coordinates.flat().map(points) };
    default:
      throw new Error(`a vector tile cannot hold a ${geometry.type}`);
  }
}

/** One layer's tile; empty (no bytes) when there are no features, as ST_AsMVT over no rows. */
export function encodeTile(layerName: string, extent: number, rows: readonly TileFeatureRow[]): Uint8Array {
  if (rows.length === 0) return new Uint8Array(0);
  const features: VectorTileFeatureLike[] = rows.map((row) => {
    const { type, rings } = tileGeometry(row.geometry);
    const properties: Record<string, TileValue> = {};
    for (const [key, value] of Object.entries(row.properties)) if (value !== null) properties[key] = value;
    return { type, id: row.id, extent, properties, loadGeometry: () => rings };
  });
  return fromVectorTileJs({
    layers: {
      [layerName]: {
        version: 2,
        name: layerName,
        extent,
        length: features.length,
        feature: (i) => features[i]!,
      },
    },
  });
}
