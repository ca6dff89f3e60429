// The land/sea mask (OpenStreetMap land, bundled with the app) as one merged primitive.
import {
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
} from 'cesium';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import landUrl from '../../../../db/data/land.geojson?url';

const LAND = Color.fromCssColorString('#13233d');

export function LandMask({ onReady }: { onReady?: () => void }) {
  const { scene } = useCesium();
  useEffect(() => {
    if (!scene) return;
    let primitive: Primitive | null = null;
    const abort = new AbortController();
    fetch(landUrl, { signal: abort.signal })
      .then((r) => r.json() as Promise<FeatureCollection<MultiPolygon>>)
      .then((land) => {
        // The clipped OSM land file contains empty polygons; skip them.
        const instances = land.features.flatMap((f) =>
          f.geometry.coordinates
            .filter((poly) => (poly[0]?.length ?? 0) >= 4)
            .map(
              (poly) =>
                new GeometryInstance({
                  geometry: new PolygonGeometry({
                    polygonHierarchy: new PolygonHierarchy(
                      Cartesian3.fromDegreesArray(poly[0]!.flat()),
                      poly
                        .slice(1)
                        .map((hole) => new PolygonHierarchy(Cartesian3.fromDegreesArray(hole.flat()))),
                    ),
                    height: 0,
                  }),
                  attributes: { color: ColorGeometryInstanceAttribute.fromColor(LAND) },
                }),
            ),
        );
        primitive = scene.primitives.add(
          new Primitive({
            geometryInstances: instances,
            appearance: new PerInstanceColorAppearance({ flat: true, translucent: false }),
            asynchronous: false,
          }),
        );
        scene.requestRender();
        onReady?.();
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') console.error('land mask failed to load', error);
      });
    return () => {
      abort.abort();
      if (primitive && !scene.isDestroyed()) scene.primitives.remove(primitive); // remove() destroys it
    };
  }, [scene, onReady]);
  return null;
}
