// The buildings as 3D Tiles (/tiles/3d/buildings/tileset.json, built by tiles/3d): one tileset, styled at run
// time by the chosen colouring; a click resolves to the building through its feature's `code` property.
import { Cesium3DTileStyle, Cesium3DTileset } from 'cesium';
import { useEffect, useState } from 'react';
import { useCesium } from 'resium';
import type { BuildingColouring, Severity } from '../../screen/types.ts';
import { LITE } from '../render-mode.ts';
import { type OnGlobeError, useReportError } from '../report-error.ts';
import { buildingStyleConditions } from './building-style.ts';

export const BUILDINGS_TILESET_URL = '/tiles/3d/buildings/tileset.json';

export function BuildingsTileset({
  visible,
  colouring,
  alertByAsset,
  onLoaded,
  onError,
}: {
  visible: boolean;
  colouring: BuildingColouring;
  alertByAsset: ReadonlyMap<string, Severity>;
  /** Every tile the current view needs is loaded (fires again after the view changes). */
  onLoaded?: () => void;
  /** The tileset or one of its tiles failed to load. */
  onError?: OnGlobeError;
}) {
  const { scene } = useCesium();
  const report = useReportError(onError);
  const [tileset, setTileset] = useState<Cesium3DTileset | null>(null);

  useEffect(() => {
    if (!scene) return;
    let cancelled = false;
    let added: Cesium3DTileset | null = null;
    Cesium3DTileset.fromUrl(BUILDINGS_TILESET_URL, {
      // Software WebGL pays per pixel and per draw: accept coarser detail there.
      maximumScreenSpaceError: LITE ? 24 : 16,
      cullRequestsWhileMoving: true,
      preloadWhenHidden: false,
    })
      .then((t) => {
        if (cancelled || scene.isDestroyed()) {
          t.destroy();
          return;
        }
        added = scene.primitives.add(t) as Cesium3DTileset;
        setTileset(added);
        scene.requestRender();
      })
      .catch((cause: unknown) => report('loading the buildings tileset', cause));
    return () => {
      cancelled = true;
      setTileset(null);
      if (added && !scene.isDestroyed()) scene.primitives.remove(added); // remove() destroys it
    };
  }, [scene, report]);

  useEffect(() => {
    if (!tileset) return;
    // Listening also stops Cesium logging each failed tile to the console by itself.
    return tileset.tileFailed.addEventListener((failed: { url: string; message: string }) =>
      report(`loading building tile ${failed.url}`, failed.message),
    );
  }, [tileset, report]);

  useEffect(() => {
    if (!tileset || !onLoaded) return;
    return tileset.allTilesLoaded.addEventListener(onLoaded);
  }, [tileset, onLoaded]);

  useEffect(() => {
    if (!tileset || !scene) return;
    tileset.show = visible;
    scene.requestRender();
  }, [tileset, scene, visible]);

  useEffect(() => {
    if (!tileset || !scene) return;
    tileset.style = new Cesium3DTileStyle({
      color: { conditions: buildingStyleConditions(colouring, alertByAsset) },
    });
    scene.requestRender();
  }, [tileset, scene, colouring, alertByAsset]);

  return null;
}
