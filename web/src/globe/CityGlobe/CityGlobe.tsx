// The dark offline globe: no ion, no imagery downloads, a flat ellipsoid; city layers are drawn by children.
import { Color, EllipsoidTerrainProvider, Rectangle } from 'cesium';
import { type ReactNode, useEffect } from 'react';
import { useCesium, Viewer } from 'resium';
import { LITE } from '../render-mode.ts';

// Constructor-only options must be stable, or resium rebuilds the Viewer.
const TERRAIN = new EllipsoidTerrainProvider();
const CONTEXT_OPTIONS = { webgl: { alpha: false, antialias: !LITE, preserveDrawingBuffer: true } };
export const SHENZHEN = Rectangle.fromDegrees(113.72, 22.38, 114.65, 22.88);

function SceneSetup() {
  const { viewer } = useCesium();
  useEffect(() => {
    if (!viewer) return;
    const { scene } = viewer;
    scene.globe.baseColor = Color.fromCssColorString('#0a1628');
    scene.backgroundColor = Color.fromCssColorString('#050b16');
    scene.globe.showGroundAtmosphere = false;
    scene.globe.enableLighting = false;
    if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
    // SkyBox.show exists at run time; Cesium 1.140's typings declare it only as a constructor option.
    if (scene.skyBox) (scene.skyBox as unknown as { show: boolean }).show = false;
    if (scene.sun) scene.sun.show = false;
    if (scene.moon) scene.moon.show = false;
    scene.fog.enabled = false;
    if (LITE) {
      scene.msaaSamples = 1;
      viewer.resolutionScale = 0.75;
      scene.postProcessStages.fxaa.enabled = false;
    }
    viewer.camera.setView({ destination: SHENZHEN });
  }, [viewer]);
  return null;
}

export function CityGlobe({ children }: { children?: ReactNode }) {
  return (
    <Viewer
      full
      baseLayer={false}
      terrainProvider={TERRAIN}
      contextOptions={CONTEXT_OPTIONS}
      geocoder={false}
      baseLayerPicker={false}
      animation={false}
      timeline={false}
      homeButton={false}
      sceneModePicker={false}
      navigationHelpButton={false}
      fullscreenButton={false}
      infoBox={false}
      selectionIndicator={false}
      requestRenderMode={true}
    >
      <SceneSetup />
      {children}
    </Viewer>
  );
}
