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
import { isAbort, type OnGlobeError, useReportError } from '../report-error.ts';

const LAND = Color.fromCssColorString('#13233d');

export function LandMask({ onReady, onError }: { onReady?: () => void; onError?: OnGlobeError }) {
  const { scene } = useCesium();
  const report = useReportError(onError);
  useEffect(() => {
    if (!scene) return;
    let primitive: Primitive | null = null;
    const abort = new AbortController();
    fetch(landUrl, { signal: abort.signal })
      .then((r) =>
        r.ok
          ? (r.json() as Promise<FeatureCollection<MultiPolygon>>)
          : Promise.reject(new Error(`HTTP ${r.status}`)),
      )
      .then((land) => {
        // The cleanup may have run while the body was read: then nothing is created.
        if (abort.signal.aborted || scene.isDestroyed()) return;
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
      .catch((cause: unknown) => {
        if (!isAbort(cause)) report('loading the land mask', cause);
      });
    return () => {
      abort.abort();
      if (primitive && !scene.isDestroyed()) scene.primitives.remove(primitive); // remove() destroys it
    };
  }, [scene, onReady, report]);
  return null;
}
