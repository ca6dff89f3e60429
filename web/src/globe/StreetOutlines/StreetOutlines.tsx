// Street (街道) boundaries as thin dim lines under the district outlines: the offline basemap's finer grid.
import { Cartesian3, Color, Material, PolylineCollection } from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { fetchStreetOutlines } from '../../data/districts.ts';
import { isAbort, type OnGlobeError, useReportError } from '../report-error.ts';

const STREET = Color.fromCssColorString('#38e1ff').withAlpha(0.28);

export function StreetOutlines({ onError }: { onError?: OnGlobeError }) {
  const { scene } = useCesium();
  const report = useReportError(onError);
  useEffect(() => {
    if (!scene) return;
    const abort = new AbortController();
    const lines = new PolylineCollection();
    scene.primitives.add(lines);
    fetchStreetOutlines(abort.signal)
      .then((streets) => {
        if (scene.isDestroyed() || lines.isDestroyed()) return;
        for (const f of streets.features) {
          for (const poly of f.geometry.coordinates) {
            lines.add({
              positions: Cartesian3.fromDegreesArray(poly[0]!.flat()),
              width: 1,
              // One material per polyline: the collection destroys each polyline's own.
              material: Material.fromType('Color', { color: STREET }),
            });
          }
        }
        scene.requestRender();
      })
      .catch((cause: unknown) => {
        if (!isAbort(cause)) report('loading the street outlines', cause);
      });
    return () => {
      abort.abort();
      if (!scene.isDestroyed()) scene.primitives.remove(lines);
    };
  }, [scene, report]);
  return null;
}
