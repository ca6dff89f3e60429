// The imagery service a deployment configured (XYZ or WMTS, e.g. 天地图), under the city layers; without one
// the offline basemap (land, districts, roads) is all there is.
import {
  type ImageryLayer as CesiumImageryLayer,
  Credit,
  UrlTemplateImageryProvider,
  WebMapTileServiceImageryProvider,
} from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import type { ImageryConfig } from '../../data/map-config.ts';
import { type OnGlobeError, useReportError } from '../report-error.ts';

export function ImageryLayer({ imagery, onError }: { imagery: ImageryConfig; onError?: OnGlobeError }) {
  const { viewer } = useCesium();
  const report = useReportError(onError);
  useEffect(() => {
    if (!viewer) return;
    const credit = new Credit(imagery.credit);
    const subdomains = imagery.subdomains.length > 0 ? imagery.subdomains : undefined;
    const provider =
      imagery.kind === 'xyz'
        ? new UrlTemplateImageryProvider({
            url: imagery.url,
            maximumLevel: imagery.maximumLevel,
            credit,
            ...(subdomains && { subdomains }),
          })
        : new WebMapTileServiceImageryProvider({
            url: imagery.url,
            layer: imagery.layer ?? '',
            style: imagery.style,
            format: imagery.format,
            tileMatrixSetID: imagery.tileMatrixSetId ?? 'w',
            maximumLevel: imagery.maximumLevel,
            credit,
            ...(subdomains && { subdomains }),
          });
    const removeErrorListener = provider.errorEvent.addEventListener((failed: { message: string }) =>
      report(`loading ${imagery.kind} imagery`, failed.message),
    );
    const layer: CesiumImageryLayer = viewer.imageryLayers.addImageryProvider(provider, 0);
    viewer.scene.requestRender();
    return () => {
      removeErrorListener();
      if (!viewer.isDestroyed()) viewer.imageryLayers.remove(layer, true);
    };
  }, [viewer, imagery, report]);
  return null;
}
