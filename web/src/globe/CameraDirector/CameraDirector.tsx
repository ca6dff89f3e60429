// Moves the camera to a target: flies there (or jumps, in the lite render mode, where animation only costs).
import { Cartesian3, Math as CesiumMath, Rectangle } from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { SHENZHEN } from '../CityGlobe/CityGlobe.tsx';
import { LITE } from '../render-mode.ts';
import type { CameraTarget } from './camera-target.ts';

export function CameraDirector({ target }: { target: CameraTarget | null }) {
  const { camera, scene } = useCesium();
  useEffect(() => {
    if (!camera || !scene || !target) return;
    const duration = LITE ? 0 : 2;
    const orientation = { heading: 0, pitch: CesiumMath.toRadians(-90), roll: 0 };
    switch (target.kind) {
      case 'city':
        camera.flyTo({ destination: SHENZHEN, duration });
        break;
      case 'bounds':
        camera.flyTo({
          destination: Rectangle.fromDegrees(target.west, target.south, target.east, target.north),
          duration,
        });
        break;
      case 'point':
        camera.flyTo({
          destination: Cartesian3.fromDegrees(target.lon, target.lat, target.heightM),
          orientation,
          duration,
        });
        break;
    }
    scene.requestRender();
    return () => camera.cancelFlight();
  }, [camera, scene, target]);
  return null;
}
