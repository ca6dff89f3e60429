// Construction sites (translucent fill and outline by stage, an alert's colour on the outline), their deep
// pits (dark translucent) and tower cranes (a mast and jib of lines with a point on top).
import {
  Cartesian3,
  Color,
  Material,
  NearFarScalar,
  PointPrimitiveCollection,
  PolylineCollection,
} from 'cesium';
import { useCallback, useRef } from 'react';
import type { LayerFeature, LayerGeoJson } from '../../data/layers.ts';
import type { Selection } from '../types.ts';
import { groupBy, HEIGHT, offsetDegrees, polygonsOf, ringDegreesHeights } from './geo.ts';
import { flatPolygons, polygonInstance } from './geometry.ts';
import {
  CRANE_OFFLINE_CSS,
  CRANE_ONLINE_CSS,
  PIT_ALPHA,
  PIT_CSS,
  SEVERITY_CSS,
  SITE_FILL_ALPHA,
  SITE_STAGE_CSS,
} from './palette.ts';
import { useDrawn } from './useDrawn.ts';
import { useLayerData } from './useLayerData.ts';

type Site = LayerFeature<'construction_site'>;
type Crane = LayerFeature<'crane'>;

const PIT = Color.fromCssColorString(PIT_CSS).withAlpha(PIT_ALPHA);

const stageCss = (site: Site) => SITE_STAGE_CSS[site.properties.stage] ?? SITE_STAGE_CSS.earthwork;
const outlineCss = (site: Site) =>
  site.properties.alertSeverity ? SEVERITY_CSS[site.properties.alertSeverity] : stageCss(site);

function drawSites(sites: LayerGeoJson['construction_site']) {
  const fills = sites.features.flatMap((f) => {
    const id: Selection = { type: 'asset', code: f.properties.code };
    const fill = Color.fromCssColorString(stageCss(f)).withAlpha(SITE_FILL_ALPHA);
    return [
      ...polygonsOf(f.geometry).map((rings) => polygonInstance(rings, HEIGHT.site, fill, id)),
      ...polygonsOf(f.properties.pit).map((rings) => polygonInstance(rings, HEIGHT.pit, PIT, id)),
    ];
  });
  const outlines = new PolylineCollection();
  // Same-coloured outlines added together share one draw command.
  for (const [css, group] of groupBy(sites.features, outlineCss)) {
    const color = Color.fromCssColorString(css);
    for (const f of group) {
      const id: Selection = { type: 'asset', code: f.properties.code };
      for (const rings of polygonsOf(f.geometry)) {
        outlines.add({
          positions: Cartesian3.fromDegreesArrayHeights(ringDegreesHeights(rings[0]!, HEIGHT.outline)),
          width: f.properties.alertSeverity ? 3 : 2,
          material: Material.fromType('Color', { color }),
          id,
        });
      }
    }
  }
  return [flatPolygons(fills), outlines];
}

const MAST_M = 60;
const JIB_M = 45;
const COUNTER_JIB_M = 12;
const CRANE_TOP = new NearFarScalar(1_000, 1.3, 50_000, 0.6);

const craneCss = (crane: Crane) => {
  const { alertSeverity, online } = crane.properties;
  if (alertSeverity) return SEVERITY_CSS[alertSeverity];
  return online ? CRANE_ONLINE_CSS : CRANE_OFFLINE_CSS;
};

/** A stable jib direction per crane so the symbols do not all point the same way. */
function jibAngle(code: string): number {
  let h = 0;
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0;
  return ((h % 360) * Math.PI) / 180;
}

function drawCranes(cranes: LayerGeoJson['crane']) {
  const lines = new PolylineCollection();
  const tops = new PointPrimitiveCollection();
  for (const [css, group] of groupBy(cranes.features, craneCss)) {
    const color = Color.fromCssColorString(css);
    for (const f of group) {
      const c = f.geometry?.coordinates;
      if (!c) continue;
      const [lon, lat] = [c[0]!, c[1]!];
      const id: Selection = { type: 'asset', code: f.properties.siteCode };
      const a = jibAngle(f.properties.code);
      const jibEnd = offsetDegrees(lon, lat, Math.cos(a) * JIB_M, Math.sin(a) * JIB_M);
      const counterEnd = offsetDegrees(lon, lat, -Math.cos(a) * COUNTER_JIB_M, -Math.sin(a) * COUNTER_JIB_M);
      const jibHeight = MAST_M - 4;
      lines.add({
        positions: Cartesian3.fromDegreesArrayHeights([lon, lat, 0, lon, lat, MAST_M]),
        width: 3,
        material: Material.fromType('Color', { color }),
        id,
      });
      lines.add({
        positions: Cartesian3.fromDegreesArrayHeights([
          ...counterEnd,
          jibHeight,
          lon,
          lat,
          jibHeight,
          ...jibEnd,
          jibHeight,
        ]),
        width: 2,
        material: Material.fromType('Color', { color }),
        id,
      });
      tops.add({
        position: Cartesian3.fromDegrees(lon, lat, MAST_M),
        color,
        pixelSize: 6,
        outlineColor: Color.BLACK,
        outlineWidth: 1,
        scaleByDistance: CRANE_TOP,
        id,
      });
    }
  }
  return [lines, tops];
}

export interface SitesLayerProps {
  visible: boolean;
  /** Called once sites and cranes have both been drawn. */
  onReady?: () => void;
  /** Changing it refetches the sites and cranes. */
  refreshKey?: number;
}

export function SitesLayer({ visible, onReady, refreshKey = 0 }: SitesLayerProps) {
  const sites = useLayerData('construction_site', refreshKey);
  const cranes = useLayerData('crane', refreshKey);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const drawnRef = useRef({ sites: false, cranes: false });
  const markDrawn = useCallback((part: 'sites' | 'cranes') => {
    const drawn = drawnRef.current;
    if (drawn.sites && drawn.cranes) return;
    drawn[part] = true;
    if (drawn.sites && drawn.cranes) onReadyRef.current?.();
  }, []);
  const sitesDrawn = useCallback(() => markDrawn('sites'), [markDrawn]);
  const cranesDrawn = useCallback(() => markDrawn('cranes'), [markDrawn]);
  useDrawn(sites, drawSites, visible, sitesDrawn);
  useDrawn(cranes, drawCranes, visible, cranesDrawn);
  return null;
}
