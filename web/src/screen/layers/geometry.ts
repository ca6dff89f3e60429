// Cesium builders shared by the layers: flat per-instance-coloured polygons from GeoJSON rings, merged.
import {
  Cartesian3,
  type Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
} from 'cesium';
import type { Rings } from './geo.ts';

function hierarchy(rings: Rings): PolygonHierarchy {
  const [outer, ...holes] = rings;
  return new PolygonHierarchy(
    Cartesian3.fromDegreesArray(outer!.flatMap((p) => [p[0]!, p[1]!])),
    holes.map((h) => new PolygonHierarchy(Cartesian3.fromDegreesArray(h.flatMap((p) => [p[0]!, p[1]!])))),
  );
}

/** A flat polygon at `height` in one colour, for a Primitive with a flat PerInstanceColorAppearance. */
export function polygonInstance(rings: Rings, height: number, color: Color, id: unknown): GeometryInstance {
  return new GeometryInstance({
    geometry: new PolygonGeometry({
      polygonHierarchy: hierarchy(rings),
      height,
      vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
    }),
    attributes: { color: ColorGeometryInstanceAttribute.fromColor(color) },
    id,
  });
}

/** One translucent Primitive for flat per-instance-coloured polygons, or null when there are none. */
export function flatPolygons(instances: GeometryInstance[], allowPicking = true): Primitive | null {
  if (instances.length === 0) return null;
  return new Primitive({
    geometryInstances: instances,
    appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
    asynchronous: false,
    allowPicking,
  });
}
